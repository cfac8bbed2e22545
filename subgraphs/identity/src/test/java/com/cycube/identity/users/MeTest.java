package com.cycube.identity.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.support.auth.Role;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** {@code me}: the signed-in person, created or linked on first use. */
class MeTest extends IdentityIntegrationTest {

    private static final String ME = """
            { me { id email displayName locale role status organization { id name } teams { id name } } }""";

    @Test
    void me_without_a_token_is_unauthenticated() {
        assertThat(anonymous(ME, Map.of()).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void integration_clients_are_not_users() {
        assertThat(as(Persona.ACME_HR_INTEGRATION, ME).errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void trainee_sees_their_organization_and_teams() {
        Response response = as(Persona.ACME_TRAINEE, ME).assertNoErrors();

        assertThat((String) response.get("data.me.id")).isEqualTo(DemoDataset.ACME_TRAINEE_ID);
        assertThat((String) response.get("data.me.organization.name")).isEqualTo("Acme Corporation");
        assertThat((List<String>) response.get("data.me.teams[*].name")).containsExactly("SOC Tier 1");
        assertThat((String) response.get("data.me.role")).isEqualTo("TRAINEE");
    }

    @Test
    void root_belongs_to_no_organization() {
        Response response = as(Persona.ROOT, ME).assertNoErrors();

        assertThat((String) response.get("data.me.role")).isEqualTo("ROOT");
        assertThat((Object) response.get("data.me.organization")).isNull();
    }

    @Test
    void seeded_user_is_linked_on_first_sign_in_and_refreshed_from_the_token() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(DemoDataset.ACME_MANAGER_ID)),
                new Update().set("displayName", "Old Name").set("email", "old@acme.test"), UserDocument.class);

        Response response = as(Persona.ACME_MANAGER, ME).assertNoErrors();

        assertThat((String) response.get("data.me.displayName")).isEqualTo("Alice Manager");
        assertThat((String) response.get("data.me.email")).isEqualTo("manager@acme.test");
        assertThat(storedUser(DemoDataset.ACME_MANAGER_ID).firstSignInAt()).isNotNull();
    }

    @Test
    void later_sign_ins_keep_the_name_the_user_chose() {
        as(Persona.ACME_TRAINEE, ME).assertNoErrors();
        as(Persona.ACME_TRAINEE, "mutation { updateProfile(input: {displayName: \"Adam T.\"}) { user { id } } }").assertNoErrors();

        Response response = as(Persona.ACME_TRAINEE, ME).assertNoErrors();

        assertThat((String) response.get("data.me.displayName")).isEqualTo("Adam T.");
    }

    @Test
    void unknown_subject_is_created_from_the_token_claims() {
        Persona newcomer = Persona.person("7d2c1e55-0000-4000-8000-00000000abcd", "Nina.New@Acme.test", "Nina New", "MANAGER", Persona.ACME);
        String token = TestTokens.tokenFor(newcomer, Map.of("locale", "fr-ch"));

        Response response = GraphQlClient.forPort(port).withToken(token).execute(ME).assertNoErrors();

        assertThat((String) response.get("data.me.email")).isEqualTo("nina.new@acme.test");
        assertThat((String) response.get("data.me.displayName")).isEqualTo("Nina New");
        assertThat((String) response.get("data.me.locale")).isEqualTo("fr-CH");
        assertThat((String) response.get("data.me.status")).isEqualTo("ACTIVE");
        assertThat((String) response.get("data.me.organization.id")).isEqualTo(Persona.ACME);
        UserDocument stored = storedUser(newcomer.subject());
        assertThat(stored.role()).isEqualTo(Role.MANAGER);
        assertThat(stored.organizationId()).isEqualTo(Persona.ACME);
    }

    @Test
    void deactivated_user_cannot_use_a_still_valid_token() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(DemoDataset.ACME_TRAINEE_ID)),
                new Update().set("status", UserStatus.DEACTIVATED), UserDocument.class);

        assertThat(as(Persona.ACME_TRAINEE, ME).errorCodes()).containsExactly("FORBIDDEN");
    }
}
