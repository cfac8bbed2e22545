package com.cycube.identity.users;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.KeycloakStubs;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.support.auth.Role;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Members of an organization: listing, role changes and deactivation, kept in sync with Keycloak. */
class MemberTest extends IdentityIntegrationTest {

    private static final String MEMBERS = """
            query($org: ID, $filter: MemberFilter) { members(organizationId: $org, filter: $filter) {
              totalCount edges { node { id displayName role status } } } }""";
    private static final String CHANGE_ROLE = """
            mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { user { id role } } }""";
    private static final String DEACTIVATE = """
            mutation($input: DeactivateMemberInput!) { deactivateMember(input: $input) { user { id status } } }""";

    @Test
    void manager_lists_the_members_of_their_organization() {
        Response response = as(Persona.ACME_MANAGER, MEMBERS, Map.of()).assertNoErrors();

        assertThat((List<String>) response.get("data.members.edges[*].node.displayName")).containsExactly("Adam Trainee", "Alice Manager");
        assertThat((Integer) response.get("data.members.totalCount")).isEqualTo(2);
    }

    @Test
    void members_are_filtered_by_team_role_and_status() {
        Response trainees = as(Persona.ACME_MANAGER, MEMBERS, Map.of("filter", Map.of("role", "TRAINEE", "teamId", DemoDataset.ACME_SOC1, "status", "ACTIVE")))
                .assertNoErrors();
        assertThat((List<String>) trainees.get("data.members.edges[*].node.id")).containsExactly(DemoDataset.ACME_TRAINEE_ID);

        Response nobody = as(Persona.ACME_MANAGER, MEMBERS, Map.of("filter", Map.of("teamId", DemoDataset.ACME_SECOPS))).assertNoErrors();
        assertThat((Integer) nobody.get("data.members.totalCount")).isZero();
    }

    @Test
    void integration_with_org_read_lists_members_of_its_organization() {
        Response response = as(Persona.ACME_HR_INTEGRATION, MEMBERS, Map.of()).assertNoErrors();

        assertThat((Integer) response.get("data.members.totalCount")).isEqualTo(2);
    }

    @Test
    void integration_without_org_read_cannot_list_members() {
        Persona bi = Persona.integration("acme-bi", Persona.ACME, List.of("analytics:read"));

        assertThat(as(bi, MEMBERS, Map.of()).errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void trainee_cannot_list_members() {
        assertThat(as(Persona.ACME_TRAINEE, MEMBERS, Map.of()).errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void root_must_name_the_organization_whose_members_to_list() {
        assertThat(as(Persona.ROOT, MEMBERS, Map.of()).errorCodes()).containsExactly("BAD_USER_INPUT");

        Response globex = as(Persona.ROOT, MEMBERS, Map.of("org", DemoDataset.GLOBEX)).assertNoErrors();
        assertThat((List<String>) globex.get("data.members.edges[*].node.displayName")).containsExactly("Gina Manager", "Greg Trainee");
    }

    @Test
    void globex_manager_cannot_list_acme_members() {
        Response response = as(Persona.GLOBEX_MANAGER, MEMBERS, Map.of("org", DemoDataset.ACME));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(response.body()).doesNotContain("Adam");
    }

    @Test
    void manager_promotes_a_trainee_here_and_in_keycloak() {
        KeycloakStubs.userHasRealmRoles(KEYCLOAK, DemoDataset.ACME_TRAINEE_ID, "TRAINEE");

        Response response = as(Persona.ACME_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER")))
                .assertNoErrors();

        assertThat((String) response.get("data.changeMemberRole.user.role")).isEqualTo("MANAGER");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).role()).isEqualTo(Role.MANAGER);
        String mappings = KeycloakStubs.userPath(DemoDataset.ACME_TRAINEE_ID) + "/role-mappings/realm";
        KEYCLOAK.verify(deleteRequestedFor(urlEqualTo(mappings)).withRequestBody(matchingJsonPath("$[0].name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("TRAINEE"))));
        KEYCLOAK.verify(postRequestedFor(urlEqualTo(mappings)).withRequestBody(equalToJson("[{\"id\":\"role-id-MANAGER\",\"name\":\"MANAGER\"}]")));
        KEYCLOAK.verify(0, getRequestedFor(urlPathMatching(KeycloakStubs.REALM_ADMIN + "/roles.*")));
    }

    @Test
    void keycloak_refusing_the_role_lookup_is_unavailable_not_internal_and_changes_nothing() {
        KEYCLOAK.stubFor(get(urlPathMatching(".*/role-mappings/realm.*")).willReturn(aResponse().withStatus(403)));

        Response response = as(Persona.ACME_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER")));

        assertThat(response.errorCodes()).containsExactly("UNAVAILABLE");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).role()).isEqualTo(Role.TRAINEE);
    }

    @Test
    void root_cannot_be_granted_and_keycloak_is_not_touched() {
        Response response = as(Persona.ACME_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "ROOT")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).role()).isEqualTo(Role.TRAINEE);
        KEYCLOAK.verify(0, anyRequestedFor(urlPathMatching(".*/role-mappings/.*")));
    }

    @Test
    void the_last_manager_cannot_demote_themselves() {
        Response response = as(Persona.ACME_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_MANAGER_ID, "role", "TRAINEE")));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(storedUser(DemoDataset.ACME_MANAGER_ID).role()).isEqualTo(Role.MANAGER);
    }

    @Test
    void a_manager_may_step_down_once_there_is_another_manager() {
        as(Persona.ACME_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER"))).assertNoErrors();

        as(Persona.ACME_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_MANAGER_ID, "role", "TRAINEE"))).assertNoErrors();

        assertThat(storedUser(DemoDataset.ACME_MANAGER_ID).role()).isEqualTo(Role.TRAINEE);
    }

    @Test
    void keycloak_down_during_a_role_change_is_unavailable_and_changes_nothing() {
        KEYCLOAK.stubFor(post(urlPathMatching(".*/role-mappings/realm")).willReturn(aResponse().withStatus(503)));

        Response response = as(Persona.ACME_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER")));

        assertThat(response.errorCodes()).containsExactly("UNAVAILABLE");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).role()).isEqualTo(Role.TRAINEE);
    }

    @Test
    void globex_manager_cannot_change_an_acme_role() {
        Response response = as(Persona.GLOBEX_MANAGER, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER")));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).role()).isEqualTo(Role.TRAINEE);
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void trainees_and_integrations_cannot_change_roles() {
        for (Persona persona : List.of(Persona.ACME_TRAINEE, Persona.ACME_HR_INTEGRATION)) {
            Response response = as(persona, CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER")));
            assertThat(response.errorCodes()).as(persona.subject()).containsExactly("FORBIDDEN");
        }
        assertThat(anonymous(CHANGE_ROLE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID, "role", "MANAGER"))).errorCodes())
                .containsExactly("UNAUTHENTICATED");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).role()).isEqualTo(Role.TRAINEE);
    }

    @Test
    void manager_deactivates_a_member_who_is_disabled_in_keycloak_and_frees_the_seat() {
        Response response = as(Persona.ACME_MANAGER, DEACTIVATE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID))).assertNoErrors();

        assertThat((String) response.get("data.deactivateMember.user.status")).isEqualTo("DEACTIVATED");
        KEYCLOAK.verify(putRequestedFor(urlEqualTo(KeycloakStubs.userPath(DemoDataset.ACME_TRAINEE_ID))).withRequestBody(equalToJson("{\"enabled\":false}")));
        Response organization = as(Persona.ACME_MANAGER, "{ organization(id: \"org-acme\") { seatsUsed } }").assertNoErrors();
        assertThat((Integer) organization.get("data.organization.seatsUsed")).isEqualTo(1);
    }

    @Test
    void the_last_manager_cannot_be_deactivated() {
        Response response = as(Persona.ACME_MANAGER, DEACTIVATE, Map.of("input", Map.of("userId", DemoDataset.ACME_MANAGER_ID)));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(storedUser(DemoDataset.ACME_MANAGER_ID).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void globex_manager_cannot_deactivate_an_acme_member() {
        assertThat(as(Persona.GLOBEX_MANAGER, DEACTIVATE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void keycloak_unreachable_during_deactivation_is_unavailable_and_changes_nothing() {
        KEYCLOAK.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathMatching(".*/users/[^/]+"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Response response = as(Persona.ACME_MANAGER, DEACTIVATE, Map.of("input", Map.of("userId", DemoDataset.ACME_TRAINEE_ID)));

        assertThat(response.errorCodes()).containsExactly("UNAVAILABLE");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).status()).isEqualTo(UserStatus.ACTIVE);
    }
}
