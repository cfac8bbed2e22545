package com.cycube.audit.signins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.audit.AuditProperties;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.AuditTrailHandler;
import com.cycube.support.contracts.audit.SecurityAlertRaised;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import com.cycube.testclient.Persona;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Keycloak's sign-in and admin events in the trail (ADR 23), with WireMock standing in for Keycloak's admin REST API
 * ({@link FakeKeycloak}): each event stored once, in its user's organization's chain, however Keycloak pages,
 * repeats or delays them; the cursor survives a restart; repeated failed sign-ins raise the alerts; a Keycloak that
 * is down changes nothing but the lag metric, and its events arrive when it is back.
 */
class KeycloakEventsPollerTest extends AuditIntegrationTest {

    static final FakeKeycloak KEYCLOAK = new FakeKeycloak();
    static final String ATTACKER = "203.0.113.77";
    static final String TRAINEE = Persona.ACME_TRAINEE.subject();
    static final String IDENTITY_SERVICE_ACCOUNT = "5b0c1d2e-0000-4000-8000-00000000a11d";

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry properties) {
        properties.add("cycube.audit.keycloak.base-url", KEYCLOAK::baseUrl);
        properties.add("cycube.audit.keycloak.client-secret", () -> FakeKeycloak.SECRET);
        properties.add("cycube.audit.keycloak.scheduled", () -> "false");
        properties.add("cycube.audit.keycloak.page-size", () -> "2");
        properties.add("cycube.audit.keycloak.overlap", () -> "10s");
        properties.add("management.endpoint.health.show-components", () -> "always");
    }

    @AfterAll
    static void stopKeycloak() {
        KEYCLOAK.stop();
    }

    @Autowired
    KeycloakEventsPoller poller;

    @Autowired
    AuditProperties properties;

    @Autowired
    SignInCursorStore cursors;

    @Autowired
    SignInDirectoryStore directory;

    @Autowired
    AuditTrailHandler trailHandler;

    @Autowired
    RestClient.Builder restClients;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void emptyKeycloakAndKnownMembers() {
        KEYCLOAK.reset(); // the cursors went with the database: each test reads Keycloak from the start
        member(TRAINEE, ACME);
        member(Persona.GLOBEX_TRAINEE.subject(), GLOBEX);
        drain();
    }

    @Test
    void every_event_is_stored_once_in_its_users_chain_however_keycloak_pages_them() {
        long t = now().toEpochMilli() - 60_000;
        KEYCLOAK.event("e1", t, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of("username", "trainee@acme.test"));
        KEYCLOAK.event("e2", t + 1, "LOGIN", Persona.GLOBEX_TRAINEE.subject(), "198.51.100.2", null, Map.of());
        // three in one millisecond, across the page boundary (pages of 2)
        KEYCLOAK.event("e3", t + 2, "LOGOUT", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("e4", t + 2, "UPDATE_TOTP", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("e5", t + 2, "UPDATE_PASSWORD", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("e6", t + 5, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());

        assertThat(poller.poll()).containsEntry(EventStream.EVENTS, 6);
        assertThat(poller.poll()).containsEntry(EventStream.EVENTS, 0);

        assertThat(keycloakIds(ACME)).containsExactlyInAnyOrder("keycloak:e1", "keycloak:e3", "keycloak:e4",
                "keycloak:e5", "keycloak:e6");
        assertThat(keycloakIds(GLOBEX)).containsExactly("keycloak:e2");
        AuditEventDocument login = trail.byId("keycloak:e1").orElseThrow();
        assertThat(login.service()).isEqualTo("keycloak");
        assertThat(login.action()).isEqualTo("auth.login.success");
        assertThat(login.outcome()).isEqualTo("SUCCESS");
        assertThat(login.actor()).isEqualTo(TRAINEE);
        assertThat(login.actorKind()).isEqualTo("PERSON");
        assertThat(login.organizationId()).isEqualTo(ACME);
        assertThat(login.clientIp()).isEqualTo("198.51.100.1");
        assertThat(login.time().toEpochMilli()).isEqualTo(t);
        assertThat(login.resource()).isEqualTo("clientId=cycube-web");
        assertThat(trail.byId("keycloak:e3").orElseThrow().action()).isEqualTo("auth.logout");
        assertThat(trail.byId("keycloak:e4").orElseThrow().action()).isEqualTo("auth.second-factor.update");
        assertThat(trail.byId("keycloak:e5").orElseThrow().action()).isEqualTo("auth.password.update");
        assertThat(chain(ACME)).extracting(AuditEventDocument::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        // read from the cursor, never again from the start
        assertThat(KEYCLOAK.reads(FakeKeycloak.EVENTS_PATH)).allSatisfy(read -> {
            assertThat(read.queryParameter("direction").firstValue()).isEqualTo("asc");
            assertThat(read.queryParameter("first").firstValue()).isEqualTo("0");
        });
        assertThat(KEYCLOAK.reads(FakeKeycloak.EVENTS_PATH).stream().mapToLong(KeycloakEventsPollerTest::dateFrom).max())
                .hasValue(t + 5 - 10_000);
    }

    @Test
    void an_event_keycloak_commits_late_within_the_overlap_is_still_stored_and_nothing_twice() {
        long t = now().toEpochMilli() - 30_000;
        KEYCLOAK.event("early", t, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("newest", t + 5_000, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());
        poller.poll();

        KEYCLOAK.event("late", t + 4_000, "LOGOUT", TRAINEE, "198.51.100.1", null, Map.of()); // older than "newest"
        poller.poll();

        assertThat(keycloakIds(ACME)).containsExactlyInAnyOrder("keycloak:early", "keycloak:newest", "keycloak:late");
    }

    @Test
    void a_repeated_page_stores_nothing_twice() {
        long t = now().toEpochMilli() - 10_000;
        KEYCLOAK.event("r1", t, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("r2", t + 1, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());
        var samePage = KEYCLOAK.alwaysAnswer(FakeKeycloak.EVENTS_PATH, KEYCLOAK.storedEvents());

        poller.poll();
        poller.poll();
        KEYCLOAK.answerAgain(samePage);
        poller.poll();

        assertThat(keycloakIds(ACME)).containsExactlyInAnyOrder("keycloak:r1", "keycloak:r2");
        assertThat(chain(ACME)).hasSize(2);
    }

    @Test
    void the_cursor_survives_a_restart_of_the_poller() {
        long t = now().toEpochMilli() - 20_000;
        KEYCLOAK.event("before-1", t, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("before-2", t + 1, "LOGOUT", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("before-3", t + 1, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());
        poller.poll();
        KEYCLOAK.event("after-1", t + 1, "UPDATE_PASSWORD", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("after-2", t + 2, "LOGOUT", TRAINEE, "198.51.100.1", null, Map.of());

        KeycloakEventsPoller restarted = new KeycloakEventsPoller(properties, cursors, directory, trailHandler,
                restClients, clock, new SimpleMeterRegistry());
        int reads = KEYCLOAK.reads(FakeKeycloak.EVENTS_PATH).size();
        assertThat(restarted.poll()).containsEntry(EventStream.EVENTS, 2);

        assertThat(keycloakIds(ACME)).containsExactlyInAnyOrder("keycloak:before-1", "keycloak:before-2",
                "keycloak:before-3", "keycloak:after-1", "keycloak:after-2");
        assertThat(KEYCLOAK.reads(FakeKeycloak.EVENTS_PATH).subList(reads, KEYCLOAK.reads(FakeKeycloak.EVENTS_PATH).size()))
                .isNotEmpty().allSatisfy(read -> assertThat(dateFrom(read)).isGreaterThanOrEqualTo(t + 1 - 10_000));
    }

    @Test
    void five_failed_sign_ins_for_one_account_raise_the_account_and_address_alerts_for_its_organization() {
        long t = now().toEpochMilli() - 60_000;
        for (int i = 0; i < 5; i++) {
            KEYCLOAK.event("fail-" + i, t + i * 1_000, "LOGIN_ERROR", TRAINEE, ATTACKER, "invalid_user_credentials",
                    Map.of("username", "trainee@acme.test", "auth_method", "openid-connect"));
        }

        poller.poll();
        drain();

        AuditEventDocument failure = trail.byId("keycloak:fail-0").orElseThrow();
        assertThat(failure.action()).isEqualTo("auth.login.failure");
        assertThat(failure.outcome()).isEqualTo("FAILURE");
        assertThat(failure.errorCode()).isEqualTo("invalid_user_credentials");
        assertThat(failure.chain()).isEqualTo(ACME);
        List<SecurityAlertRaised> alerts = raised();
        assertThat(alerts).extracting(SecurityAlertRaised::kind)
                .containsExactlyInAnyOrder("FAILED_SIGN_INS_FOR_ACCOUNT", "FAILED_SIGN_INS_FROM_ADDRESS");
        assertThat(alerts).allSatisfy(alert -> assertThat(alert.organizationId()).isEqualTo(ACME));
        assertThat(alerts).filteredOn(alert -> alert.kind().equals("FAILED_SIGN_INS_FOR_ACCOUNT"))
                .singleElement().satisfies(alert -> assertThat(alert.subject()).isEqualTo(TRAINEE));
    }

    @Test
    void failures_for_an_unknown_account_keep_a_hash_of_the_name_never_the_address_and_count_by_address_and_by_that_hash() {
        long t = now().toEpochMilli() - 60_000;
        for (int i = 0; i < 5; i++) {
            KEYCLOAK.event("unknown-" + i, t + i, "LOGIN_ERROR", null, ATTACKER, "user_not_found",
                    Map.of("username", i % 2 == 0 ? "Nobody@Example.com" : "nobody@example.com "));
        }

        poller.poll();
        drain();

        List<AuditEventDocument> failures = chain(AuditEventDocument.PLATFORM_CHAIN);
        assertThat(failures).hasSize(5).allSatisfy(record -> {
            assertThat(record.actor()).isNull();
            assertThat(record.actorKind()).isEqualTo("ANONYMOUS");
            assertThat(record.detail()).isEqualTo("username-sha256:" + SignInRecords.usernameHash("nobody@example.com"));
            assertThat(record.toString()).doesNotContainIgnoringCase("example.com");
        });
        assertThat(raised()).extracting(SecurityAlertRaised::kind)
                .containsExactlyInAnyOrder("FAILED_SIGN_INS_FROM_ADDRESS", "FAILED_SIGN_INS_FOR_ACCOUNT");
        assertThat(raised()).filteredOn(alert -> alert.kind().equals("FAILED_SIGN_INS_FOR_ACCOUNT")).singleElement()
                .satisfies(alert -> assertThat(alert.subject()).startsWith("username-sha256:").doesNotContain("example"));
    }

    @Test
    void lockouts_and_credential_changes_are_recorded_with_what_kind() {
        long t = now().toEpochMilli() - 60_000;
        KEYCLOAK.event("lock", t, "USER_DISABLED_BY_TEMPORARY_LOCKOUT", TRAINEE, ATTACKER, null, Map.of());
        KEYCLOAK.event("otp", t + 1, "REMOVE_CREDENTIAL", TRAINEE, "198.51.100.1", null,
                Map.of("credential_type", "otp", "credential_id", "c-1"));
        KEYCLOAK.event("reset", t + 2, "RESET_PASSWORD", TRAINEE, "198.51.100.1", null, Map.of());
        KEYCLOAK.event("mail", t + 3, "UPDATE_EMAIL", TRAINEE, "198.51.100.1", null,
                Map.of("previous_email", "trainee@acme.test", "updated_email", "adam@acme.test"));

        poller.poll();

        AuditEventDocument lockout = trail.byId("keycloak:lock").orElseThrow();
        assertThat(lockout.action()).isEqualTo("auth.lockout");
        assertThat(lockout.changes()).containsExactly(new AuditEventDocument.Change("lockout", "TEMPORARY"));
        AuditEventDocument removed = trail.byId("keycloak:otp").orElseThrow();
        assertThat(removed.action()).isEqualTo("auth.credential.remove");
        assertThat(removed.changes()).containsExactly(new AuditEventDocument.Change("credentialType", "otp"));
        assertThat(trail.byId("keycloak:reset").orElseThrow().action()).isEqualTo("auth.password.reset");
        AuditEventDocument mail = trail.byId("keycloak:mail").orElseThrow();
        assertThat(mail.action()).isEqualTo("auth.email.update");
        assertThat(mail.toString()).doesNotContain("acme.test");
    }

    @Test
    void admin_events_are_recorded_with_who_made_them_and_which_user_they_changed() {
        long t = now().toEpochMilli() - 60_000;
        KEYCLOAK.adminEvent("a1", t, "CREATE", "REALM_ROLE_MAPPING", "users/" + TRAINEE + "/role-mappings/realm",
                "cycube-identity-admin", IDENTITY_SERVICE_ACCOUNT, "10.0.0.8");
        KEYCLOAK.adminEvent("a2", t + 1, "UPDATE", "CLIENT", "clients/0f4c-uuid", "security-admin-console",
                Persona.ROOT.subject(), "192.0.2.10");
        KEYCLOAK.adminEvent("a3", t + 2, "DELETE", "USER", "users/" + TRAINEE, "security-admin-console",
                Persona.ROOT.subject(), "192.0.2.10");

        assertThat(poller.poll()).containsEntry(EventStream.ADMIN_EVENTS, 3);

        AuditEventDocument grant = trail.byId("keycloak:a1").orElseThrow();
        assertThat(grant.action()).isEqualTo("admin.create.realm-role-mapping");
        assertThat(grant.actor()).isEqualTo(IDENTITY_SERVICE_ACCOUNT);
        assertThat(grant.actorKind()).isEqualTo("INTEGRATION");
        assertThat(grant.actorName()).isEqualTo("cycube-identity-admin");
        assertThat(grant.resourceType()).isEqualTo("User");
        assertThat(grant.resourceId()).isEqualTo(TRAINEE);
        assertThat(grant.resource()).isEqualTo("users/" + TRAINEE + "/role-mappings/realm");
        assertThat(grant.organizationId()).isEqualTo(ACME);
        assertThat(grant.clientIp()).isEqualTo("10.0.0.8");
        AuditEventDocument client = trail.byId("keycloak:a2").orElseThrow();
        assertThat(client.action()).isEqualTo("admin.update.client");
        assertThat(client.actorKind()).isEqualTo("PERSON");
        assertThat(client.chain()).isEqualTo(AuditEventDocument.PLATFORM_CHAIN);
        assertThat(client.resourceType()).isEqualTo("CLIENT");
        assertThat(client.resourceId()).isEqualTo("0f4c-uuid");
        assertThat(trail.byId("keycloak:a3").orElseThrow().chain()).isEqualTo(ACME);
    }

    @Test
    void keycloak_down_leaves_the_subgraph_healthy_exposes_the_lag_and_loses_nothing() throws Exception {
        long t = now().toEpochMilli() - 5_000;
        KEYCLOAK.event("while-down", t, "LOGIN", TRAINEE, "198.51.100.1", null, Map.of());
        var down = KEYCLOAK.failWith(FakeKeycloak.EVENTS_PATH, 503);

        clock.advance(Duration.ofMinutes(10));
        assertThat(poller.poll()).containsEntry(EventStream.EVENTS, 0);
        assertThat(poller.poll()).containsEntry(EventStream.EVENTS, 0);

        assertThat(trail.contains("keycloak:while-down")).isFalse();
        assertThat(poller.lag(EventStream.EVENTS)).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(poller.lag(EventStream.ADMIN_EVENTS)).isZero();
        // the probes Kubernetes asks stay up, and Keycloak is no part of the subgraph's health (the overall status is
        // not asserted: the embedded test store does not answer Boot's MongoDB health check)
        assertThat(management("/actuator/health/liveness")).contains("\"UP\"");
        assertThat(management("/actuator/health/readiness")).contains("\"UP\"");
        assertThat(health()).doesNotContainIgnoringCase("keycloak");
        assertThat(management("/actuator/prometheus"))
                .containsPattern("cycube_audit_keycloak_lag_seconds\\{[^}]*stream=\"events\"[^}]*} [0-9.E]+")
                .contains("cycube_audit_keycloak_failures_total");

        KEYCLOAK.answerAgain(down);
        poller.poll();

        assertThat(trail.contains("keycloak:while-down")).isTrue();
        assertThat(poller.lag(EventStream.EVENTS)).isZero();
    }

    @Test
    void the_token_is_fetched_once_and_again_only_when_it_is_about_to_expire() {
        poller.poll();
        poller.poll();
        int fetched = KEYCLOAK.tokenRequests();
        assertThat(fetched).isLessThanOrEqualTo(1);

        clock.advance(Duration.ofSeconds(300));
        poller.poll();

        assertThat(KEYCLOAK.tokenRequests()).isEqualTo(fetched + 1);
        assertThat(KEYCLOAK.reads(FakeKeycloak.EVENTS_PATH)).allSatisfy(read ->
                assertThat(read.getHeader("Authorization")).isEqualTo("Bearer " + FakeKeycloak.TOKEN));
    }

    private void member(String userId, String organizationId) {
        eventLog.append(DomainEvent.of(organizationId, now(),
                new UserChanged(userId, null, "TRAINEE", List.of(), true, 1L, null)));
    }

    private List<String> keycloakIds(String chain) {
        return chain(chain).stream().map(AuditEventDocument::id).filter(id -> id.startsWith("keycloak:")).toList();
    }

    private List<SecurityAlertRaised> raised() {
        return eventLog.ofType(EventPayload.typeOf(SecurityAlertRaised.class)).stream()
                .map(event -> event.payloadAs(SecurityAlertRaised.class)).toList();
    }

    private static long dateFrom(LoggedRequest read) {
        return Long.parseLong(read.queryParameter("dateFrom").firstValue());
    }

    private String health() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String management(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
