package com.cycube.audit.signins;

import com.cycube.audit.trail.ChainHash;
import com.cycube.support.contracts.audit.AuditRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a Keycloak event reads as an audit record (ADR 23). Service {@code keycloak}; time the event's; client address
 * its {@code ipAddress} (Keycloak's view of the connection); errorCode Keycloak's {@code error}; outcome FAILURE for
 * an error event ({@code *_ERROR}, or one with an error), SUCCESS otherwise.
 * <ul>
 *   <li>Login events: actor the user ({@code PERSON}); action from {@link #ACTIONS} ({@code auth.login.success},
 *       {@code auth.login.failure} — what the failed-sign-in alerts count — {@code auth.logout}, {@code auth.lockout},
 *       {@code auth.password.*}, {@code auth.second-factor.*}…); resource the user, {@code resource} names the client.
 *       Usernames are e-mail addresses and never kept: a failure for an unknown account keeps only
 *       {@code username-sha256:<hex>} of the lower-cased attempted name in {@code detail}, so repeated attempts at
 *       one name are countable. The only detail kept as a change is a credential's type.</li>
 *   <li>Admin events: {@code admin.<operation>.<resource type>} ({@code admin.create.user},
 *       {@code admin.delete.realm-role-mapping}); actor the user who made it — through the admin console or
 *       {@code admin-cli} a {@code PERSON}, through any other client that client's service account, an
 *       {@code INTEGRATION} named by the client id; resource the user changed ({@code users/<id>/…}: type
 *       {@code User}), otherwise Keycloak's resource type, and {@code resource} the admin path (ids and role names).</li>
 * </ul>
 */
public final class SignInRecords {

    public static final String SERVICE = "keycloak";
    /** Record ids: {@code keycloak:<Keycloak's event id>} — one record per event however often it is read. */
    public static final String ID_PREFIX = "keycloak:";

    /** Actions of login events by type (without {@code _ERROR}); others read {@code auth.<type in kebab case>}. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("LOGOUT", "auth.logout"),
            Map.entry("CODE_TO_TOKEN", "auth.code-to-token"),
            Map.entry("USER_DISABLED_BY_TEMPORARY_LOCKOUT", "auth.lockout"),
            Map.entry("USER_DISABLED_BY_PERMANENT_LOCKOUT", "auth.lockout"),
            Map.entry("UPDATE_PASSWORD", "auth.password.update"),
            Map.entry("RESET_PASSWORD", "auth.password.reset"),
            Map.entry("SEND_RESET_PASSWORD", "auth.password.reset-requested"),
            Map.entry("UPDATE_TOTP", "auth.second-factor.update"),
            Map.entry("REMOVE_TOTP", "auth.second-factor.remove"),
            Map.entry("UPDATE_CREDENTIAL", "auth.credential.update"),
            Map.entry("REMOVE_CREDENTIAL", "auth.credential.remove"),
            Map.entry("UPDATE_EMAIL", "auth.email.update"),
            Map.entry("VERIFY_EMAIL", "auth.email.verify"),
            Map.entry("EXECUTE_ACTIONS", "auth.required-actions.requested"));
    /** Clients people use the admin API through; any other client acts with its service account. */
    static final Set<String> PERSONAL_ADMIN_CLIENTS = Set.of("security-admin-console", "admin-cli");

    private SignInRecords() {
    }

    /**
     * The record's id: {@code keycloak:<event id>}. Keycloak 26 gives every stored event an id; should one come without,
     * a hash of what identifies it stands in, so that reading it again still finds it stored.
     */
    public static String id(KeycloakEvent event) {
        if (event.id() != null && !event.id().isBlank()) {
            return ID_PREFIX + event.id();
        }
        KeycloakEvent.AuthDetails by = event.authDetails();
        return ID_PREFIX + "sha256-" + ChainHash.sha256(String.join("\n", String.valueOf(event.time()),
                String.valueOf(event.type()), String.valueOf(event.userId()), String.valueOf(event.clientId()),
                String.valueOf(event.ipAddress()), String.valueOf(event.error()), String.valueOf(event.operationType()),
                String.valueOf(event.resourcePath()), by == null ? "" : by.userId() + "@" + by.ipAddress()))
                .substring(0, 32);
    }

    /** The user whose organization the record belongs to: the one signing in, or the user an admin event changed. */
    public static String subjectUser(EventStream stream, KeycloakEvent event) {
        return stream == EventStream.EVENTS ? event.userId() : changedUser(event.resourcePath());
    }

    /** The record of {@code event}, in {@code organizationId}'s chain (null: the platform's). */
    public static AuditRecorded record(EventStream stream, KeycloakEvent event, String organizationId) {
        return stream == EventStream.EVENTS ? login(event, organizationId) : admin(event, organizationId);
    }

    static AuditRecorded login(KeycloakEvent event, String organizationId) {
        String type = event.type() == null ? "UNKNOWN" : event.type().toUpperCase(Locale.ROOT);
        boolean failed = type.endsWith("_ERROR") || event.error() != null;
        String base = type.endsWith("_ERROR") ? type.substring(0, type.length() - "_ERROR".length()) : type;
        String action = "LOGIN".equals(base) ? (failed ? "auth.login.failure" : "auth.login.success")
                : ACTIONS.getOrDefault(base, "auth." + kebab(base));
        List<AuditRecorded.Change> changes = new ArrayList<>();
        if (base.endsWith("_LOCKOUT")) {
            changes.add(new AuditRecorded.Change("lockout", base.contains("PERMANENT") ? "PERMANENT" : "TEMPORARY"));
        }
        String credentialType = event.detail("credential_type");
        if (credentialType != null && credentialType.matches("[A-Za-z0-9_.-]{1,64}")) {
            changes.add(new AuditRecorded.Change("credentialType", credentialType));
        }
        String detail = null;
        String username = event.detail("username");
        if (event.userId() == null && username != null) {
            detail = "username-sha256:" + usernameHash(username);
        }
        return new AuditRecorded(Instant.ofEpochMilli(event.time()), SERVICE, event.userId(),
                event.userId() == null ? "ANONYMOUS" : "PERSON", null, organizationId, action,
                event.userId() == null ? null : "User", event.userId(),
                event.clientId() == null ? null : "clientId=" + event.clientId(), failed ? "FAILURE" : "SUCCESS",
                event.error(), null, null, event.ipAddress(), changes, detail, null);
    }

    static AuditRecorded admin(KeycloakEvent event, String organizationId) {
        KeycloakEvent.AuthDetails by = event.authDetails() == null
                ? new KeycloakEvent.AuthDetails(null, null, null, null) : event.authDetails();
        boolean person = by.clientId() == null || PERSONAL_ADMIN_CLIENTS.contains(by.clientId());
        String operation = event.operationType() == null ? "unknown" : kebab(event.operationType());
        String resourceType = event.resourceType() == null ? "unknown" : kebab(event.resourceType());
        String changedUser = changedUser(event.resourcePath());
        return new AuditRecorded(Instant.ofEpochMilli(event.time()), SERVICE, by.userId(),
                by.userId() == null ? "ANONYMOUS" : person ? "PERSON" : "INTEGRATION", person ? null : by.clientId(),
                organizationId, "admin." + operation + "." + resourceType,
                changedUser != null ? "User" : event.resourceType(),
                changedUser != null ? changedUser : secondSegment(event.resourcePath()), event.resourcePath(),
                event.error() == null ? "SUCCESS" : "FAILURE", event.error(), null, null, by.ipAddress(), List.of(),
                null, null);
    }

    /** Lowercase hex SHA-256 of the lower-cased, trimmed username: the same for every attempt at one name. */
    public static String usernameHash(String username) {
        return ChainHash.sha256(username.strip().toLowerCase(Locale.ROOT));
    }

    /** The user an admin path is about ({@code users/<id>} and below), or null. */
    static String changedUser(String resourcePath) {
        if (resourcePath == null || !resourcePath.startsWith("users/")) {
            return null;
        }
        return secondSegment(resourcePath);
    }

    private static String secondSegment(String resourcePath) {
        if (resourcePath == null) {
            return null;
        }
        String[] segments = resourcePath.split("/");
        return segments.length > 1 && !segments[1].isBlank() ? segments[1] : null;
    }

    private static String kebab(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
