package com.cycube.audit.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.audit.trail.AuditTrailHandler;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.contracts.audit.SecurityAlertRaised;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Patterns in the trail that a person should look at become security alerts, each raised once, with an
 * {@code audit.SecurityAlertRaised} event for the notification subgraph. Thresholds: the defaults of application.yaml.
 */
class SecurityAlertsTest extends AuditIntegrationTest {

    private static final String ALERTS = """
            query($org: ID) { securityAlerts(organizationId: $org) { totalCount edges { node { kind organizationId subject count summary } } } }""";
    private static final String ATTACKER = "203.0.113.9";

    @Autowired
    AuditTrailHandler handler;

    @Test
    void a_member_made_manager_raises_one_alert_for_the_organization_however_often_the_record_is_delivered() {
        DomainEvent event = send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.changeMemberRole", "SUCCESS", null,
                null, List.of(new AuditRecorded.Change("role", "MANAGER")), null));
        drain();
        handler.handle(event);
        drain();

        assertThat(raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("ROLE_GRANTED_MANAGER");
            assertThat(alert.organizationId()).isEqualTo(ACME);
            assertThat(alert.subject()).isEqualTo("user-7");
        });
    }

    @Test
    void a_member_made_trainee_raises_nothing() {
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.changeMemberRole", "SUCCESS", null, null,
                List.of(new AuditRecorded.Change("role", "TRAINEE")), null));
        drain();

        assertThat(raised()).isEmpty();
    }

    @Test
    void many_denials_from_one_caller_in_a_short_time_raise_one_alert_at_the_threshold() {
        for (int i = 0; i < 19; i++) {
            send(denied(Persona.ACME_TRAINEE.subject()));
        }
        drain();
        assertThat(raised()).isEmpty();

        for (int i = 0; i < 5; i++) {
            send(denied(Persona.ACME_TRAINEE.subject()));
        }
        drain();

        assertThat(raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("REPEATED_DENIALS");
            assertThat(alert.subject()).isEqualTo(Persona.ACME_TRAINEE.subject());
            assertThat(alert.count()).isEqualTo(20);
        });
    }

    @Test
    void denials_spread_over_more_than_the_window_raise_nothing() {
        for (int i = 0; i < 25; i++) {
            send(denied(Persona.ACME_TRAINEE.subject()));
            clock.advance(Duration.ofSeconds(20)); // one every 20 s: at most 15 in any 5 minutes
        }
        drain();

        assertThat(raised()).isEmpty();
    }

    @Test
    void repeated_failed_sign_ins_for_one_account_and_from_one_address_are_raised() {
        for (int i = 0; i < 5; i++) {
            send(record(ACME, Persona.ACME_TRAINEE.subject(), "auth.login.failure", "FAILURE", "INVALID_CREDENTIALS",
                    ATTACKER, List.of(), null));
        }
        drain();

        assertThat(raised()).extracting(SecurityAlertRaised::kind)
                .containsExactlyInAnyOrder("FAILED_SIGN_INS_FOR_ACCOUNT", "FAILED_SIGN_INS_FROM_ADDRESS");
    }

    @Test
    void a_deactivated_accounts_token_still_being_used_is_raised() {
        send(refused(Persona.ACME_TRAINEE.subject(), "ACCOUNT_DEACTIVATED", "The account is deactivated"));
        send(refused(Persona.ACME_TRAINEE.subject(), "TOKEN_EXPIRED", "The access token expired: sign in again"));
        drain();

        assertThat(raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("REVOKED_ACCESS_USED");
            assertThat(alert.subject()).isEqualTo(Persona.ACME_TRAINEE.subject());
        });
    }

    @Test
    void a_token_of_a_deactivated_organizations_member_still_being_used_is_raised() {
        send(refused(Persona.ACME_MANAGER.subject(), "ORGANIZATION_DEACTIVATED", "The organization is deactivated"));
        drain();

        assertThat(raised()).extracting(SecurityAlertRaised::kind).containsExactly("REVOKED_ACCESS_USED");
    }

    @Test
    void revoked_access_is_told_by_the_reason_code_never_by_the_wording_of_the_message() {
        send(refused(Persona.ACME_TRAINEE.subject(), "ROLE_CHANGED", "The account was deactivated and demoted"));
        send(refused(Persona.ACME_TRAINEE.subject(), null, "The account is deactivated")); // no code: sent before codes
        send(refused(Persona.ACME_MANAGER.subject(), "ACCOUNT_DEACTIVATED", "Konto deaktiviert"));
        drain();

        assertThat(raised()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("REVOKED_ACCESS_USED");
            assertThat(alert.subject()).isEqualTo(Persona.ACME_MANAGER.subject());
        });
    }

    @Test
    void the_reason_code_is_kept_with_the_record_and_served_with_it() {
        send(refused(Persona.ACME_TRAINEE.subject(), "ACCOUNT_DEACTIVATED", "The account is deactivated"));
        drain();

        GraphQlClient.Response response = as(Persona.ACME_MANAGER,
                "{ auditEvents(filter: {outcome: DENIED}) { edges { node { reason detail } } } }").assertNoErrors();
        assertThat(response.<List<String>>get("data.auditEvents.edges[*].node.reason")).containsExactly("ACCOUNT_DEACTIVATED");
    }

    @Test
    void alerts_are_read_like_the_trail_managers_their_own_root_all_trainees_not_at_all() {
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.changeMemberRole", "SUCCESS", null, null,
                List.of(new AuditRecorded.Change("role", "MANAGER")), null));
        send(record(GLOBEX, Persona.GLOBEX_MANAGER.subject(), "mutation.changeMemberRole", "SUCCESS", null, null,
                List.of(new AuditRecorded.Change("role", "MANAGER")), null));
        drain();

        GraphQlClient.Response acme = as(Persona.ACME_MANAGER, ALERTS).assertNoErrors();
        assertThat(acme.<List<String>>get("data.securityAlerts.edges[*].node.organizationId")).containsExactly(ACME);
        assertThat(as(Persona.ACME_MANAGER, ALERTS, Map.of("org", GLOBEX)).assertNoErrors()
                .<Integer>get("data.securityAlerts.totalCount")).isZero();
        assertThat(as(Persona.ROOT, ALERTS).assertNoErrors().<Integer>get("data.securityAlerts.totalCount")).isEqualTo(2);
        assertThat(as(Persona.ACME_TRAINEE, ALERTS).errorCodes()).containsExactly("FORBIDDEN");
    }

    /** A valid token of {@code actor} refused before anything ran, for {@code reason}, as support audits it. */
    private AuditRecorded refused(String actor, String reason, String detail) {
        return record(ACME, actor, "query.myEnrollments", "DENIED", "UNAUTHENTICATED", null, List.of(), detail, reason);
    }

    private AuditRecorded denied(String actor) {
        return record(ACME, actor, "query.adminReport", "DENIED", "FORBIDDEN", null, List.of(), "Managers only");
    }

    /** The alerts raised, as the notification subgraph will receive them: events in the shared log. */
    private List<SecurityAlertRaised> raised() {
        return eventLog.ofType(EventPayload.typeOf(SecurityAlertRaised.class)).stream()
                .map(event -> event.payloadAs(SecurityAlertRaised.class)).toList();
    }
}
