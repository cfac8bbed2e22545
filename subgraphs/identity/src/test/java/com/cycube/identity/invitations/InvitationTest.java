package com.cycube.identity.invitations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.KeycloakStubs;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStatus;
import com.cycube.support.auth.Role;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.EventPayload;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Invitations: a manager invites by e-mail; Keycloak gets the account first, identity the invitation after. */
class InvitationTest extends IdentityIntegrationTest {

    private static final String INVITE = """
            mutation($input: InviteMemberInput!) { inviteMember(input: $input) {
              invitation { id email role status user { id status } teams { id } organization { id } expiresAt } } }""";
    private static final String REVOKE = """
            mutation($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { id status } } }""";
    private static final String INVITATIONS = """
            query($status: InvitationStatus) { invitations(status: $status) { totalCount edges { node { email status } } } }""";

    private static Map<String, Object> invitation(String email) {
        return Map.of("input", Map.of("email", email, "role", "TRAINEE", "teamIds", List.of(DemoDataset.ACME_SOC1)));
    }

    @Test
    void manager_invites_a_person_who_gets_a_keycloak_account_and_an_email() {
        Response response = as(Persona.ACME_MANAGER, INVITE, invitation("  Ivy.Invited@Acme.test ")).assertNoErrors();

        assertThat((String) response.get("data.inviteMember.invitation.status")).isEqualTo("PENDING");
        assertThat((String) response.get("data.inviteMember.invitation.email")).isEqualTo("ivy.invited@acme.test");
        assertThat((String) response.get("data.inviteMember.invitation.user.id")).isEqualTo(KeycloakStubs.NEW_USER_ID);
        assertThat((String) response.get("data.inviteMember.invitation.user.status")).isEqualTo("INVITED");
        assertThat((List<String>) response.get("data.inviteMember.invitation.teams[*].id")).containsExactly(DemoDataset.ACME_SOC1);
        KEYCLOAK.verify(postRequestedFor(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users"))
                .withHeader("Authorization", equalTo("Bearer admin-token"))
                .withRequestBody(matchingJsonPath("$.email", equalTo("ivy.invited@acme.test")))
                .withRequestBody(matchingJsonPath("$.attributes.org_id[0]", equalTo(DemoDataset.ACME))));
        KEYCLOAK.verify(postRequestedFor(urlEqualTo(KeycloakStubs.userPath(KeycloakStubs.NEW_USER_ID) + "/role-mappings/realm"))
                .withRequestBody(equalToJson("[{\"id\":\"role-id-TRAINEE\",\"name\":\"TRAINEE\"}]")));
        KEYCLOAK.verify(putRequestedFor(urlPathEqualTo(KeycloakStubs.userPath(KeycloakStubs.NEW_USER_ID) + "/execute-actions-email"))
                .withRequestBody(equalToJson("[\"UPDATE_PASSWORD\",\"VERIFY_EMAIL\"]")));
        KEYCLOAK.verify(getRequestedFor(urlEqualTo(KeycloakStubs.userPath(KeycloakStubs.NEW_USER_ID) + "/role-mappings/realm/available")));
        KEYCLOAK.verify(0, getRequestedFor(urlPathMatching(KeycloakStubs.REALM_ADMIN + "/roles.*")));
        UserDocument invited = storedUser(KeycloakStubs.NEW_USER_ID);
        assertThat(invited.status()).isEqualTo(UserStatus.INVITED);
        assertThat(invited.teamIds()).containsExactly(DemoDataset.ACME_SOC1);
    }

    @Test
    void inviting_an_address_with_a_pending_invitation_again_is_a_conflict_and_keycloak_is_not_asked() {
        as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors();
        KEYCLOAK.resetRequests();

        Response response = as(Persona.ACME_MANAGER, INVITE, invitation(" IVY@acme.test"));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        KEYCLOAK.verify(0, postRequestedFor(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users")));
        assertThat(mongo.count(Query.query(Criteria.where("email").is("ivy@acme.test")), InvitationDocument.class)).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("email").is("ivy@acme.test")), UserDocument.class)).isEqualTo(1);
    }

    @Test
    void an_invited_person_signing_in_becomes_active_and_the_invitation_accepted() {
        as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors();
        Persona ivy = Persona.person(KeycloakStubs.NEW_USER_ID, "ivy@acme.test", "Ivy Invited", "TRAINEE", Persona.ACME);

        Response me = as(ivy, "{ me { status displayName teams { name } } }").assertNoErrors();

        assertThat((String) me.get("data.me.status")).isEqualTo("ACTIVE");
        assertThat((String) me.get("data.me.displayName")).isEqualTo("Ivy Invited");
        assertThat((List<String>) me.get("data.me.teams[*].name")).containsExactly("SOC Tier 1");
        Response accepted = as(Persona.ACME_MANAGER, INVITATIONS, Map.of("status", "ACCEPTED")).assertNoErrors();
        assertThat((List<String>) accepted.get("data.invitations.edges[*].node.email")).containsExactly("ivy@acme.test");
    }

    @Test
    void an_invalid_email_is_bad_user_input_and_reaches_nobody() {
        Response response = as(Persona.ACME_MANAGER, INVITE, invitation("not-an-email"));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
        assertThat(mongo.count(new Query(), InvitationDocument.class)).isZero();
    }

    @Test
    void an_email_that_belongs_to_a_user_is_a_conflict() {
        Response response = as(Persona.ACME_MANAGER, INVITE, invitation("Trainee@Acme.test"));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void the_seat_limit_is_respected() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(DemoDataset.ACME)), new Update().set("seatLimit", 2),
                com.cycube.identity.organizations.OrganizationDocument.class);

        Response response = as(Persona.ACME_MANAGER, INVITE, invitation("one.too.many@acme.test"));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(response.body()).contains("seat limit reached");
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
        assertThat(mongo.count(new Query(), InvitationDocument.class)).isZero();
    }

    @Test
    void an_account_existing_in_keycloak_is_a_conflict_and_nothing_is_stored() {
        KEYCLOAK.stubFor(post(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"errorMessage\":\"User exists with same email\"}")));

        Response response = as(Persona.ACME_MANAGER, INVITE, invitation("known.to.keycloak@acme.test"));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(mongo.count(new Query(), InvitationDocument.class)).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("email").is("known.to.keycloak@acme.test")), UserDocument.class)).isZero();
    }

    @Test
    void keycloak_failing_on_create_is_unavailable_and_nothing_is_stored() {
        KEYCLOAK.stubFor(post(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users")).willReturn(aResponse().withStatus(500)));

        Response response = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test"));

        assertThat(response.errorCodes()).containsExactly("UNAVAILABLE");
        assertThat(mongo.count(new Query(), InvitationDocument.class)).isZero();
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID)).isNull();
    }

    @Test
    void a_failed_invitation_email_removes_the_new_keycloak_account_again() {
        KEYCLOAK.stubFor(put(urlPathMatching(".*/execute-actions-email")).willReturn(aResponse().withStatus(502)));

        Response response = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test"));

        assertThat(response.errorCodes()).containsExactly("UNAVAILABLE");
        KEYCLOAK.verify(deleteRequestedFor(urlEqualTo(KeycloakStubs.userPath(KeycloakStubs.NEW_USER_ID))));
        assertThat(mongo.count(new Query(), InvitationDocument.class)).isZero();
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID)).isNull();
    }

    @Test
    void a_team_of_another_organization_cannot_be_joined() {
        Response response = as(Persona.ACME_MANAGER, INVITE,
                Map.of("input", Map.of("email", "ivy@acme.test", "role", "TRAINEE", "teamIds", List.of(DemoDataset.GLOBEX_RED))));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void nobody_is_invited_as_root() {
        Response response = as(Persona.ACME_MANAGER, INVITE, Map.of("input", Map.of("email", "evil@acme.test", "role", "ROOT")));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void trainees_integrations_and_anonymous_callers_cannot_invite() {
        assertThat(as(Persona.ACME_TRAINEE, INVITE, invitation("friend@acme.test")).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(as(Persona.ACME_HR_INTEGRATION, INVITE, invitation("friend@acme.test")).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous(INVITE, invitation("friend@acme.test")).errorCodes()).containsExactly("UNAUTHENTICATED");
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void globex_manager_cannot_invite_into_acme() {
        Response response = as(Persona.GLOBEX_MANAGER, INVITE,
                Map.of("input", Map.of("organizationId", DemoDataset.ACME, "email", "mole@globex.test", "role", "MANAGER")));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        KEYCLOAK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void revoking_a_pending_invitation_removes_the_account_frees_the_seat_and_marks_the_invitee_revoked() {
        String id = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors().get("data.inviteMember.invitation.id");

        Response response = as(Persona.ACME_MANAGER, REVOKE, Map.of("input", Map.of("invitationId", id))).assertNoErrors();

        assertThat((String) response.get("data.revokeInvitation.invitation.status")).isEqualTo("REVOKED");
        KEYCLOAK.verify(deleteRequestedFor(urlEqualTo(KeycloakStubs.userPath(KeycloakStubs.NEW_USER_ID))));
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID).status()).isEqualTo(UserStatus.REVOKED);
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID).teamIds()).isEmpty();
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID).status().holdsSeat()).isFalse();
    }

    @Test
    void revoking_keeps_the_invitees_pending_events_and_announces_them_inactive_without_teams() {
        // invite and revoke before the relay runs: the invitee's first snapshot is still in its document's outbox
        List<com.cycube.support.events.DomainEvent> events = eventsOf(EventPayload.typeOf(UserChanged.class), () -> {
            String id = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors().get("data.inviteMember.invitation.id");
            as(Persona.ACME_MANAGER, REVOKE, Map.of("input", Map.of("invitationId", id))).assertNoErrors();
        });

        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.payloadAs(UserChanged.class).userId()).isEqualTo(KeycloakStubs.NEW_USER_ID));
        assertThat(events.get(0).payload()).containsEntry("version", 1L).containsEntry("teamIds", List.of(DemoDataset.ACME_SOC1));
        assertThat(events.get(1).payload()).containsEntry("version", 2L).containsEntry("active", false)
                .containsEntry("teamIds", List.of());
        org.bson.Document stored = mongo.findById(KeycloakStubs.NEW_USER_ID, org.bson.Document.class, "users");
        assertThat(stored.getList(com.cycube.support.events.Outbox.FIELD, Object.class, List.of())).isEmpty();
    }

    @Test
    void a_revoked_invitee_is_gone_from_members_and_lookups_and_the_address_can_be_invited_again() {
        String id = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors().get("data.inviteMember.invitation.id");
        as(Persona.ACME_MANAGER, REVOKE, Map.of("input", Map.of("invitationId", id))).assertNoErrors();

        Response members = as(Persona.ACME_MANAGER, "{ members { totalCount edges { node { id } } } }").assertNoErrors();
        assertThat((List<String>) members.get("data.members.edges[*].node.id")).doesNotContain(KeycloakStubs.NEW_USER_ID);
        assertThat((Integer) members.get("data.members.totalCount")).isEqualTo(2);
        Response entity = as(Persona.ACME_MANAGER, "query($r:[_Any!]!){ _entities(representations:$r){ ... on User { id } } }",
                Map.of("r", List.of(Map.of("__typename", "User", "id", KeycloakStubs.NEW_USER_ID))));
        assertThat((Object) entity.get("data._entities[0]")).isNull();
        assertThat(as(Persona.ACME_MANAGER, "mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { user { id } } }",
                Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS, "userId", KeycloakStubs.NEW_USER_ID))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_MANAGER, INVITATIONS, Map.of("status", "PENDING")).<Integer>get("data.invitations.totalCount")).isZero();

        String secondAccount = "22222222-2222-4333-8444-555555555555";
        KEYCLOAK.stubFor(post(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users")).willReturn(aResponse().withStatus(201)
                .withHeader("Location", KEYCLOAK.baseUrl() + KeycloakStubs.REALM_ADMIN + "/users/" + secondAccount)));
        Response again = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors();
        assertThat((String) again.get("data.inviteMember.invitation.user.id")).isEqualTo(secondAccount);
    }

    @Test
    void an_invitee_who_signed_in_just_before_the_revoke_keeps_their_account_and_membership() {
        String id = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors().get("data.inviteMember.invitation.id");
        // the race: the invitee is already ACTIVE while the invitation still reads PENDING
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(KeycloakStubs.NEW_USER_ID)),
                new org.springframework.data.mongodb.core.query.Update().set("status", UserStatus.ACTIVE), "users");
        KEYCLOAK.resetRequests();

        Response response = as(Persona.ACME_MANAGER, REVOKE, Map.of("input", Map.of("invitationId", id)));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        KEYCLOAK.verify(0, deleteRequestedFor(urlEqualTo(KeycloakStubs.userPath(KeycloakStubs.NEW_USER_ID))));
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void a_still_valid_token_of_a_revoked_invitee_does_not_activate_them() {
        String id = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors().get("data.inviteMember.invitation.id");
        as(Persona.ACME_MANAGER, REVOKE, Map.of("input", Map.of("invitationId", id))).assertNoErrors();

        Persona ivy = Persona.person(KeycloakStubs.NEW_USER_ID, "ivy@acme.test", "Ivy", "TRAINEE", Persona.ACME);
        assertThat(as(ivy, "{ me { id } }").errorCodes()).containsExactly("FORBIDDEN");
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID).status()).isEqualTo(UserStatus.REVOKED);
    }

    @Test
    void globex_manager_cannot_revoke_an_acme_invitation() {
        String id = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors().get("data.inviteMember.invitation.id");

        assertThat(as(Persona.GLOBEX_MANAGER, REVOKE, Map.of("input", Map.of("invitationId", id))).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(mongo.findById(id, InvitationDocument.class).status()).isEqualTo(InvitationStatus.PENDING);
    }

    @Test
    void a_pending_invitation_past_its_expiry_is_expired() {
        String id = as(Persona.ACME_MANAGER, INVITE, invitation("ivy@acme.test")).assertNoErrors().get("data.inviteMember.invitation.id");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("expiresAt", Instant.parse("2020-01-01T00:00:00Z")),
                InvitationDocument.class);

        Response expired = as(Persona.ACME_MANAGER, INVITATIONS, Map.of("status", "EXPIRED")).assertNoErrors();
        Response pending = as(Persona.ACME_MANAGER, INVITATIONS, Map.of("status", "PENDING")).assertNoErrors();

        assertThat((List<String>) expired.get("data.invitations.edges[*].node.status")).containsExactly("EXPIRED");
        assertThat((Integer) pending.get("data.invitations.totalCount")).isZero();
    }

    @Test
    void root_invites_a_manager_into_any_organization() {
        Response response = as(Persona.ROOT, INVITE,
                Map.of("input", Map.of("organizationId", DemoDataset.GLOBEX, "email", "boss@globex.test", "role", "MANAGER"))).assertNoErrors();

        assertThat((String) response.get("data.inviteMember.invitation.organization.id")).isEqualTo(DemoDataset.GLOBEX);
        assertThat(storedUser(KeycloakStubs.NEW_USER_ID).role()).isEqualTo(Role.MANAGER);
    }
}
