package com.cycube.identity.keycloak;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.identity.KeycloakStubs;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import com.cycube.testclient.MutableClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The Keycloak admin adapter against a WireMock Keycloak, no Spring context. */
class KeycloakAdminClientTest {

    private static final WireMockServer keycloak = new WireMockServer(options().dynamicPort());
    private static final String USER = KeycloakStubs.NEW_USER_ID;

    private MutableClock clock;
    private KeycloakAdminClient client;

    @BeforeAll
    static void start() {
        keycloak.start();
    }

    @AfterAll
    static void stop() {
        keycloak.stop();
    }

    @BeforeEach
    void setUp() {
        keycloak.resetAll();
        KeycloakStubs.acceptEverything(keycloak);
        clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
        client = new KeycloakAdminClient(new KeycloakAdminProperties(keycloak.baseUrl(), "cycube", "cycube-identity-admin",
                "s3cret", Duration.ofSeconds(1), Duration.ofSeconds(2)), RestClient.builder(), clock);
    }

    @Test
    void creates_an_invited_user_with_the_organization_attribute_and_returns_the_id_from_location() {
        String id = client.createInvitedUser("ivy@acme.test", "org-acme", Role.MANAGER);

        assertThat(id).isEqualTo(USER);
        keycloak.verify(postRequestedFor(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users"))
                .withRequestBody(equalToJson("{\"username\":\"ivy@acme.test\",\"email\":\"ivy@acme.test\",\"enabled\":true,"
                        + "\"emailVerified\":false,\"attributes\":{\"org_id\":[\"org-acme\"]}}")));
        keycloak.verify(postRequestedFor(urlEqualTo(KeycloakStubs.userPath(USER) + "/role-mappings/realm"))
                .withRequestBody(equalToJson("[{\"id\":\"role-id-MANAGER\",\"name\":\"MANAGER\"}]")));
    }

    @Test
    void authenticates_with_client_credentials() {
        client.disable(USER);

        keycloak.verify(postRequestedFor(urlEqualTo(KeycloakStubs.TOKEN))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=cycube-identity-admin"))
                .withRequestBody(containing("client_secret=s3cret")));
        keycloak.verify(putRequestedFor(urlEqualTo(KeycloakStubs.userPath(USER))).withHeader("Authorization", equalTo("Bearer admin-token")));
    }

    @Test
    void the_admin_token_is_reused_until_shortly_before_it_expires() {
        client.disable(USER);
        client.disable(USER);
        keycloak.verify(1, postRequestedFor(urlEqualTo(KeycloakStubs.TOKEN)));

        clock.advance(Duration.ofSeconds(280)); // expires_in 300, refreshed 30 s early
        client.disable(USER);
        keycloak.verify(2, postRequestedFor(urlEqualTo(KeycloakStubs.TOKEN)));
    }

    @Test
    void setting_a_role_removes_the_other_platform_role_first_then_maps_the_role_found_among_the_available_ones() {
        KeycloakStubs.userHasRealmRoles(keycloak, USER, "MANAGER");

        client.setRole(USER, Role.TRAINEE);

        String mappings = KeycloakStubs.userPath(USER) + "/role-mappings/realm";
        keycloak.verify(deleteRequestedFor(urlEqualTo(mappings)).withRequestBody(equalToJson("[{\"id\":\"role-id-MANAGER\",\"name\":\"MANAGER\"}]")));
        keycloak.verify(postRequestedFor(urlEqualTo(mappings)).withRequestBody(equalToJson("[{\"id\":\"role-id-TRAINEE\",\"name\":\"TRAINEE\"}]")));
        keycloak.verify(getRequestedFor(urlEqualTo(mappings + "/available")));
    }

    @Test
    void role_representations_come_only_from_the_user_role_mappings_never_from_the_realm_roles_endpoint() {
        // GET /roles/{name} needs view-realm, which cycube-identity-admin does not have: a real Keycloak answers 403.
        keycloak.stubFor(get(urlPathMatching(KeycloakStubs.REALM_ADMIN + "/roles/.*")).willReturn(aResponse().withStatus(403)));

        client.createInvitedUser("ivy@acme.test", "org-acme", Role.MANAGER);
        client.setRole(USER, Role.TRAINEE);

        keycloak.verify(0, getRequestedFor(urlPathMatching(KeycloakStubs.REALM_ADMIN + "/roles.*")));
    }

    @Test
    void a_role_the_user_already_has_is_not_mapped_again_and_nothing_is_removed() {
        KeycloakStubs.userHasRealmRoles(keycloak, USER, "TRAINEE");

        client.setRole(USER, Role.TRAINEE);

        String mappings = KeycloakStubs.userPath(USER) + "/role-mappings/realm";
        keycloak.verify(0, deleteRequestedFor(urlEqualTo(mappings)));
        keycloak.verify(0, postRequestedFor(urlEqualTo(mappings)));
    }

    @Test
    void a_role_missing_from_the_realm_is_unavailable_not_internal() {
        keycloak.stubFor(get(urlEqualTo(KeycloakStubs.userPath(USER) + "/role-mappings/realm/available"))
                .willReturn(okJson(KeycloakStubs.roles("offline_access"))));

        assertThatThrownBy(() -> client.setRole(USER, Role.MANAGER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        keycloak.verify(0, postRequestedFor(urlEqualTo(KeycloakStubs.userPath(USER) + "/role-mappings/realm")));
    }

    @Test
    void a_forbidden_admin_call_is_unavailable_not_internal() {
        keycloak.stubFor(get(urlPathMatching(".*/role-mappings/realm.*")).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> client.setRole(USER, Role.MANAGER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void an_invited_account_whose_role_lookup_is_forbidden_is_unavailable_and_removed_again() {
        keycloak.stubFor(get(urlPathMatching(".*/role-mappings/realm/available")).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(() -> client.createInvitedUser("ivy@acme.test", "org-acme", Role.TRAINEE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        keycloak.verify(deleteRequestedFor(urlEqualTo(KeycloakStubs.userPath(USER))));
    }

    @Test
    void an_existing_account_is_a_conflict() {
        keycloak.stubFor(post(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users")).willReturn(aResponse().withStatus(409)));

        assertThatThrownBy(() -> client.createInvitedUser("ivy@acme.test", "org-acme", Role.TRAINEE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void a_server_error_is_unavailable() {
        keycloak.stubFor(post(urlEqualTo(KeycloakStubs.REALM_ADMIN + "/users")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.createInvitedUser("ivy@acme.test", "org-acme", Role.TRAINEE))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void an_unreachable_keycloak_is_unavailable() {
        KeycloakAdminClient unreachable = new KeycloakAdminClient(new KeycloakAdminProperties("http://127.0.0.1:1", "cycube", null,
                "s3cret", Duration.ofMillis(500), Duration.ofSeconds(1)), RestClient.builder(), clock);

        assertThatThrownBy(() -> unreachable.disable(USER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void rejected_admin_credentials_are_unavailable_not_internal() {
        keycloak.stubFor(post(urlEqualTo(KeycloakStubs.TOKEN)).willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> client.disable(USER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
    }

    @Test
    void an_account_whose_role_cannot_be_set_is_removed_again() {
        keycloak.stubFor(post(urlPathMatching(".*/role-mappings/realm")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> client.createInvitedUser("ivy@acme.test", "org-acme", Role.TRAINEE)).isInstanceOf(DomainException.class);
        keycloak.verify(deleteRequestedFor(urlEqualTo(KeycloakStubs.userPath(USER))));
    }

    @Test
    void the_invitation_email_asks_for_a_password_and_a_verified_address_within_the_validity() {
        client.sendInvitationEmail(USER, Duration.ofDays(7));

        keycloak.verify(putRequestedFor(urlPathEqualTo(KeycloakStubs.userPath(USER) + "/execute-actions-email"))
                .withQueryParam("lifespan", equalTo("604800"))
                .withRequestBody(equalToJson("[\"UPDATE_PASSWORD\",\"VERIFY_EMAIL\"]")));
    }

    @Test
    void deleting_an_account_that_is_already_gone_is_fine() {
        keycloak.stubFor(delete(urlEqualTo(KeycloakStubs.userPath(USER)))
                .willReturn(aResponse().withStatus(404)));

        assertThatCode(() -> client.delete(USER)).doesNotThrowAnyException();

        keycloak.verify(1, deleteRequestedFor(urlEqualTo(KeycloakStubs.userPath(USER))));
        assertThat(keycloak.getAllServeEvents()).extracting(event -> event.getRequest().getMethod().getName() + " " + event.getRequest().getUrl())
                .containsExactlyInAnyOrder("POST " + KeycloakStubs.TOKEN, "DELETE " + KeycloakStubs.userPath(USER));
    }
}
