package com.cycube.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStatus;
import com.cycube.testclient.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The local demo data: the realm's seed users, their organizations and teams. */
class DemoDataTest extends IdentityIntegrationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(MongoTemplate.class, () -> mock(MongoTemplate.class))
            .withUserConfiguration(DemoData.class);

    @Test
    void seeding_twice_leaves_exactly_the_demo_documents() {
        DemoDataset.seed(mongo);
        DemoDataset.seed(mongo);

        assertThat(mongo.count(new Query(), OrganizationDocument.class)).isEqualTo(2);
        assertThat(mongo.count(new Query(), UserDocument.class)).isEqualTo(5);
        assertThat(mongo.count(new Query(), TeamDocument.class)).isEqualTo(3);
    }

    @Test
    void seeding_again_keeps_a_renamed_team_and_a_deactivated_user_as_they_are() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(DemoDataset.ACME_SOC1)), Update.update("name", "SOC L1"), TeamDocument.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(DemoDataset.ACME_TRAINEE_ID)),
                Update.update("status", UserStatus.DEACTIVATED), UserDocument.class);

        DemoDataset.seed(mongo);

        assertThat(storedTeam(DemoDataset.ACME_SOC1).name()).isEqualTo("SOC L1");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).status()).isEqualTo(UserStatus.DEACTIVATED);
        assertThat(mongo.count(new Query(), TeamDocument.class)).isEqualTo(3);
        assertThat(mongo.count(new Query(), UserDocument.class)).isEqualTo(5);
    }

    @Test
    void seeding_restores_a_deleted_seed_document() {
        mongo.remove(Query.query(Criteria.where("_id").is(DemoDataset.GLOBEX_RED)), TeamDocument.class);

        DemoDataset.seed(mongo);

        assertThat(storedTeam(DemoDataset.GLOBEX_RED).name()).isEqualTo("Red Team");
    }

    @Test
    void seed_users_match_the_keycloak_realm_personas() {
        for (Persona persona : new Persona[] {Persona.ROOT, Persona.ACME_MANAGER, Persona.ACME_TRAINEE, Persona.GLOBEX_MANAGER, Persona.GLOBEX_TRAINEE}) {
            UserDocument user = storedUser(persona.subject());
            assertThat(user.email()).isEqualTo(persona.email());
            assertThat(user.displayName()).isEqualTo(persona.name());
            assertThat(user.role().name()).isEqualTo(persona.role());
            assertThat(user.organizationId()).isEqualTo(persona.organizationId());
        }
        assertThat(storedTeam(DemoDataset.ACME_SOC1).parentId()).isEqualTo(DemoDataset.ACME_SECOPS);
        assertThat(storedOrganization(DemoDataset.GLOBEX).seatLimit()).isEqualTo(25);
    }

    @Test
    void demo_data_is_seeded_only_when_enabled() {
        runner.run(context -> assertThat(context).doesNotHaveBean(DemoData.class));
        mongo.remove(new Query(), UserDocument.class);
        new ApplicationContextRunner().withBean(MongoTemplate.class, () -> mongo).withUserConfiguration(DemoData.class)
                .withPropertyValues("cycube.demo-data.enabled=true").run(context -> {
                    assertThat(context).hasSingleBean(DemoData.class);
                    context.getBean(DemoData.class).run(null);
                    assertThat(mongo.count(new Query(), UserDocument.class)).isEqualTo(5);
                });
    }
}
