package com.cycube.identity.organizations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.KeycloakStubs;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Organizations: root runs tenants and quotas, managers rename their own, members read their own. */
class OrganizationTest extends IdentityIntegrationTest {

    private static final String CREATE = """
            mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name seatLimit labQuota seatsUsed } } }""";
    private static final String QUOTAS = """
            mutation($input: UpdateOrganizationQuotasInput!) { updateOrganizationQuotas(input: $input) { organization { seatLimit labQuota } } }""";
    private static final String RENAME = """
            mutation($input: RenameOrganizationInput!) { renameOrganization(input: $input) { organization { name } } }""";
    private static final String ORGANIZATION = """
            query($id: ID!) { organization(id: $id) { id name seatLimit labQuota seatsUsed teams { totalCount edges { node { name } } } } }""";

    static Stream<Arguments> everyoneButRoot() {
        return Stream.of(Arguments.of(Persona.ACME_MANAGER), Arguments.of(Persona.ACME_TRAINEE), Arguments.of(Persona.ACME_HR_INTEGRATION),
                Arguments.of(Persona.integration("acme-admin-bot", Persona.ACME, List.of("org:read", "org:write"))));
    }

    @Test
    void root_creates_an_organization_with_quotas() {
        Response response = as(Persona.ROOT, CREATE, Map.of("input", Map.of("name", "Initech", "seatLimit", 10, "labQuota", 2)))
                .assertNoErrors();

        assertThat((String) response.get("data.createOrganization.organization.name")).isEqualTo("Initech");
        assertThat((Integer) response.get("data.createOrganization.organization.seatsUsed")).isZero();
        String id = response.get("data.createOrganization.organization.id");
        assertThat(storedOrganization(id).seatLimit()).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("everyoneButRoot")
    void only_root_creates_organizations(Persona persona) {
        Response response = as(persona, CREATE, Map.of("input", Map.of("name", "Initech", "seatLimit", 10, "labQuota", 2)));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), OrganizationDocument.class)).isEqualTo(2);
    }

    @Test
    void anonymous_cannot_create_organizations() {
        assertThat(anonymous(CREATE, Map.of("input", Map.of("name", "Initech", "seatLimit", 10, "labQuota", 2))).errorCodes())
                .containsExactly("UNAUTHENTICATED");
    }

    @Test
    void a_seat_limit_of_zero_is_bad_user_input() {
        Response response = as(Persona.ROOT, CREATE, Map.of("input", Map.of("name", "Initech", "seatLimit", 0, "labQuota", 2)));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), OrganizationDocument.class)).isEqualTo(2);
    }

    @Test
    void deactivating_an_organization_disables_its_members_accounts_and_reactivating_enables_them_again() {
        String setActive = "mutation($input: SetOrganizationActiveInput!) { setOrganizationActive(input: $input) { organization { active } } }";

        as(Persona.ROOT, setActive, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", false))).assertNoErrors();

        for (String member : List.of(DemoDataset.GLOBEX_MANAGER_ID, DemoDataset.GLOBEX_TRAINEE_ID)) {
            KEYCLOAK.verify(putRequestedFor(urlEqualTo(KeycloakStubs.userPath(member))).withRequestBody(equalToJson("{\"enabled\":false}")));
        }
        KEYCLOAK.verify(0, putRequestedFor(urlEqualTo(KeycloakStubs.userPath(DemoDataset.ACME_TRAINEE_ID))));
        KEYCLOAK.resetRequests();

        as(Persona.ROOT, setActive, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", true))).assertNoErrors();

        for (String member : List.of(DemoDataset.GLOBEX_MANAGER_ID, DemoDataset.GLOBEX_TRAINEE_ID)) {
            KEYCLOAK.verify(putRequestedFor(urlEqualTo(KeycloakStubs.userPath(member))).withRequestBody(equalToJson("{\"enabled\":true}")));
        }
        assertThat(storedOrganization(DemoDataset.GLOBEX).active()).isTrue();
    }

    @Test
    void a_deactivation_that_keycloak_refused_half_way_is_finished_by_repeating_it() {
        String setActive = "mutation($input: SetOrganizationActiveInput!) { setOrganizationActive(input: $input) { organization { active } } }";
        KEYCLOAK.stubFor(put(urlEqualTo(KeycloakStubs.userPath(DemoDataset.GLOBEX_TRAINEE_ID))).willReturn(aResponse().withStatus(503)));

        Response failed = as(Persona.ROOT, setActive, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", false)));

        assertThat(failed.errorCodes()).containsExactly("UNAVAILABLE");
        assertThat(storedOrganization(DemoDataset.GLOBEX).active()).as("the flag stops the tokens first").isFalse();
        KeycloakStubs.acceptEverything(KEYCLOAK);
        KEYCLOAK.resetRequests();

        as(Persona.ROOT, setActive, Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "active", false))).assertNoErrors();

        KEYCLOAK.verify(putRequestedFor(urlEqualTo(KeycloakStubs.userPath(DemoDataset.GLOBEX_TRAINEE_ID))).withRequestBody(equalToJson("{\"enabled\":false}")));
    }

    @Test
    void root_changes_quotas() {
        Response response = as(Persona.ROOT, QUOTAS, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "seatLimit", 60, "labQuota", 12)))
                .assertNoErrors();

        assertThat((Integer) response.get("data.updateOrganizationQuotas.organization.seatLimit")).isEqualTo(60);
        assertThat(storedOrganization(DemoDataset.ACME).labQuota()).isEqualTo(12);
    }

    @Test
    void a_seat_limit_below_the_seats_in_use_is_a_conflict_and_changes_nothing() {
        Response response = as(Persona.ROOT, QUOTAS, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "seatLimit", 1, "labQuota", 3)));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(storedOrganization(DemoDataset.ACME).seatLimit()).isEqualTo(50);
        assertThat(storedOrganization(DemoDataset.ACME).labQuota()).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("everyoneButRoot")
    void only_root_changes_quotas(Persona persona) {
        Response response = as(persona, QUOTAS, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "seatLimit", 500)));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(storedOrganization(DemoDataset.ACME).seatLimit()).isEqualTo(50);
    }

    @Test
    void acme_manager_renames_acme() {
        as(Persona.ACME_MANAGER, RENAME, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "name", "Acme Corp."))).assertNoErrors();

        assertThat(storedOrganization(DemoDataset.ACME).name()).isEqualTo("Acme Corp.");
    }

    @Test
    void globex_manager_cannot_rename_acme_and_learns_nothing_about_it() {
        Response response = as(Persona.GLOBEX_MANAGER, RENAME, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "name", "Pwned")));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(storedOrganization(DemoDataset.ACME).name()).isEqualTo("Acme Corporation");
    }

    @Test
    void trainee_cannot_rename_their_organization() {
        Response response = as(Persona.ACME_TRAINEE, RENAME, Map.of("input", Map.of("organizationId", DemoDataset.ACME, "name", "Trainee Inc")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(storedOrganization(DemoDataset.ACME).name()).isEqualTo("Acme Corporation");
    }

    @Test
    void members_read_their_organization_with_seats_and_teams() {
        Response response = as(Persona.ACME_TRAINEE, ORGANIZATION, Map.of("id", DemoDataset.ACME)).assertNoErrors();

        assertThat((Integer) response.get("data.organization.seatsUsed")).isEqualTo(2);
        assertThat((Integer) response.get("data.organization.teams.totalCount")).isEqualTo(2);
        assertThat((List<String>) response.get("data.organization.teams.edges[*].node.name")).containsExactly("SOC Tier 1", "Security Operations"); // binary order: no collation
    }

    @Test
    void integration_with_org_read_reads_its_organization() {
        Response response = as(Persona.ACME_HR_INTEGRATION, ORGANIZATION, Map.of("id", DemoDataset.ACME)).assertNoErrors();

        assertThat((String) response.get("data.organization.name")).isEqualTo("Acme Corporation");
    }

    @Test
    void globex_trainee_gets_not_found_for_acme() {
        Response response = as(Persona.GLOBEX_TRAINEE, ORGANIZATION, Map.of("id", DemoDataset.ACME));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(response.body()).doesNotContain("Acme Corporation");
    }

    @Test
    void root_lists_every_organization_and_others_are_forbidden() {
        Response root = as(Persona.ROOT, "{ organizations { totalCount edges { node { name } } } }").assertNoErrors();
        assertThat((List<String>) root.get("data.organizations.edges[*].node.name")).containsExactly("Acme Corporation", "Globex");

        assertThat(as(Persona.ACME_MANAGER, "{ organizations { totalCount } }").errorCodes()).containsExactly("FORBIDDEN");
    }
}
