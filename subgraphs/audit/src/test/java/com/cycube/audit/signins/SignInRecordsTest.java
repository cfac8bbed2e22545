package com.cycube.audit.signins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.contracts.audit.AuditRecorded;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How Keycloak's events read as audit records (ADR 23), without Keycloak. */
class SignInRecordsTest {

    private static KeycloakEvent login(String type, String userId, String error, Map<String, String> details) {
        return new KeycloakEvent("id-1", 1_765_000_000_123L, type, "cycube-web", userId, "198.51.100.4", error, details,
                null, null, null, null);
    }

    private static KeycloakEvent admin(String operation, String resourceType, String path, String client) {
        return new KeycloakEvent("id-2", 1_765_000_000_456L, null, null, null, null, null, null,
                new KeycloakEvent.AuthDetails("master", client, "admin-user", "192.0.2.1"), operation, resourceType, path);
    }

    @Test
    void sign_in_events_become_the_actions_the_alerts_and_auditors_look_for() {
        assertThat(SignInRecords.login(login("LOGIN", "u-1", null, Map.of()), "org-acme").action()).isEqualTo("auth.login.success");
        AuditRecorded failure = SignInRecords.login(login("LOGIN_ERROR", "u-1", "invalid_user_credentials", Map.of()), "org-acme");
        assertThat(failure.action()).isEqualTo("auth.login.failure");
        assertThat(failure.outcome()).isEqualTo("FAILURE");
        assertThat(failure.errorCode()).isEqualTo("invalid_user_credentials");
        assertThat(failure.service()).isEqualTo("keycloak");
        assertThat(failure.clientIp()).isEqualTo("198.51.100.4");
        assertThat(failure.time().toEpochMilli()).isEqualTo(1_765_000_000_123L);
        assertThat(SignInRecords.login(login("CODE_TO_TOKEN_ERROR", "u-1", "invalid_code", Map.of()), null))
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo("auth.code-to-token");
                    assertThat(r.outcome()).isEqualTo("FAILURE");
                });
        assertThat(SignInRecords.login(login("USER_DISABLED_BY_PERMANENT_LOCKOUT", "u-1", null, Map.of()), null).changes())
                .containsExactly(new AuditRecorded.Change("lockout", "PERMANENT"));
        assertThat(SignInRecords.login(login("SEND_RESET_PASSWORD", "u-1", null, Map.of()), null).action())
                .isEqualTo("auth.password.reset-requested");
        assertThat(SignInRecords.login(login("VERIFY_EMAIL", "u-1", null, Map.of()), null).action()).isEqualTo("auth.email.verify");
        assertThat(SignInRecords.login(login("EXECUTE_ACTIONS", "u-1", null, Map.of()), null).action())
                .isEqualTo("auth.required-actions.requested");
        // a type not mapped yet still reads sensibly
        assertThat(SignInRecords.login(login("DELETE_ACCOUNT", "u-1", null, Map.of()), null).action()).isEqualTo("auth.delete-account");
    }

    @Test
    void no_e_mail_address_is_kept_only_a_hash_of_an_unknown_accounts_name() {
        AuditRecorded unknown = SignInRecords.login(login("LOGIN_ERROR", null, "user_not_found",
                Map.of("username", " Someone@Example.COM")), null);
        assertThat(unknown.detail()).isEqualTo("username-sha256:" + SignInRecords.usernameHash("someone@example.com"));
        assertThat(unknown.actorKind()).isEqualTo("ANONYMOUS");
        assertThat(unknown.toString()).doesNotContainIgnoringCase("example.com");

        AuditRecorded known = SignInRecords.login(login("LOGIN_ERROR", "u-1", "invalid_user_credentials",
                Map.of("username", "someone@example.com")), "org-acme");
        assertThat(known.detail()).isNull();
        assertThat(known.toString()).doesNotContainIgnoringCase("example.com");
        assertThat(SignInRecords.login(login("UPDATE_EMAIL", "u-1", null,
                Map.of("previous_email", "a@example.com", "updated_email", "b@example.com")), null).toString())
                .doesNotContainIgnoringCase("example.com");
    }

    @Test
    void admin_events_name_the_operation_the_resource_and_who_acted_through_which_client() {
        AuditRecorded console = SignInRecords.admin(admin("UPDATE", "USER", "users/u-9", "security-admin-console"), "org-acme");
        assertThat(console.action()).isEqualTo("admin.update.user");
        assertThat(console.actorKind()).isEqualTo("PERSON");
        assertThat(console.actorName()).isNull();
        assertThat(console.resourceType()).isEqualTo("User");
        assertThat(console.resourceId()).isEqualTo("u-9");
        assertThat(console.clientIp()).isEqualTo("192.0.2.1");
        assertThat(SignInRecords.subjectUser(EventStream.ADMIN_EVENTS, admin("UPDATE", "USER", "users/u-9/reset-password", "x")))
                .isEqualTo("u-9");

        AuditRecorded serviceAccount = SignInRecords.admin(admin("ACTION", "USER", "users/u-9/execute-actions-email",
                "cycube-identity-admin"), null);
        assertThat(serviceAccount.action()).isEqualTo("admin.action.user");
        assertThat(serviceAccount.actorKind()).isEqualTo("INTEGRATION");
        assertThat(serviceAccount.actorName()).isEqualTo("cycube-identity-admin");

        AuditRecorded realm = SignInRecords.admin(admin("UPDATE", "REALM", "", "admin-cli"), null);
        assertThat(realm.resourceType()).isEqualTo("REALM");
        assertThat(realm.resourceId()).isNull();
        assertThat(SignInRecords.subjectUser(EventStream.ADMIN_EVENTS, admin("UPDATE", "CLIENT", "clients/c-1", "x"))).isNull();
    }

    @Test
    void an_event_without_an_id_still_gets_the_same_record_id_each_time_it_is_read() {
        KeycloakEvent noId = new KeycloakEvent(null, 5L, "LOGIN", "cycube-web", "u-1", "198.51.100.4", null, null, null,
                null, null, null);
        assertThat(SignInRecords.id(noId)).startsWith("keycloak:sha256-").isEqualTo(SignInRecords.id(noId));
        assertThat(SignInRecords.id(login("LOGIN", "u-1", null, Map.of()))).isEqualTo("keycloak:id-1");
    }
}
