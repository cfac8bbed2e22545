package com.cycube.identity.keycloak;

import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.keycloak.ServiceAccountToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * {@link IdentityProviderAccounts} over the Keycloak admin REST API. Authenticates with the
 * client-credentials grant of {@code cycube-identity-admin} (support ServiceAccountToken: cached until shortly
 * before it expires). Keycloak unreachable, answering 5xx or refusing a call with an unexpected 4xx
 * (a configuration problem of Keycloak, logged) becomes UNAVAILABLE; an existing account on create
 * becomes CONFLICT; anything else unexpected is an internal error.
 */
public class KeycloakAdminClient implements IdentityProviderAccounts {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdminClient.class);
    static final String ORGANIZATION_ATTRIBUTE = "org_id";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_ARRAY = new ParameterizedTypeReference<>() { };
    private static final List<Role> ASSIGNABLE_ROLES = List.of(Role.TRAINEE, Role.MANAGER);

    private final KeycloakAdminProperties properties;
    private final RestClient http;
    private final ServiceAccountToken token;

    public KeycloakAdminClient(KeycloakAdminProperties properties, RestClient.Builder builder, Clock clock) {
        this.properties = properties;
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                // HTTP/1.1: Keycloak speaks it everywhere, and a failed h2c upgrade cannot take down later calls.
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout()).build());
        requestFactory.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.baseUrl()).requestFactory(requestFactory).build();
        this.token = new ServiceAccountToken(http, properties.realm(), properties.clientId(), properties.clientSecret(), clock);
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            log.warn("cycube.keycloak.admin.client-secret is not set: invitations and role changes will fail as UNAVAILABLE");
        }
    }

    @Override
    public String createInvitedUser(String email, String organizationId, Role role) {
        Map<String, Object> user = Map.of(
                "username", email,
                "email", email,
                "enabled", true,
                "emailVerified", false,
                "attributes", Map.of(ORGANIZATION_ATTRIBUTE, List.of(organizationId)));
        URI location = call("create user", () -> {
            try {
                return http.post().uri("/admin/realms/{realm}/users", properties.realm())
                        .headers(h -> h.setBearerAuth(accessToken()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(user)
                        .retrieve()
                        .toBodilessEntity()
                        .getHeaders().getLocation();
            } catch (HttpClientErrorException.Conflict exists) {
                throw DomainException.conflict("An account with this e-mail already exists");
            }
        });
        if (location == null) {
            throw new IllegalStateException("Keycloak created a user without a Location header");
        }
        String path = location.getPath();
        String userId = path.substring(path.lastIndexOf('/') + 1);
        try {
            setRole(userId, role);
        } catch (RuntimeException failed) {
            delete(userId); // never leave an account without the role it was created for
            throw failed;
        }
        return userId;
    }

    /**
     * Removes the other platform roles first, then adds {@code role}: if Keycloak fails half-way
     * the account is left with fewer privileges, never with more. Role representations come from the
     * user's own role mappings (current and available), which {@code manage-users}/{@code view-users}
     * allow; {@code GET /roles/{name}} would need {@code view-realm}, which the admin client has not.
     */
    @Override
    public void setRole(String userId, Role role) {
        List<Map<String, Object>> current = roleMappings("read realm roles of user", "/admin/realms/{realm}/users/{id}/role-mappings/realm", userId);
        List<Map<String, Object>> others = current.stream()
                .filter(r -> ASSIGNABLE_ROLES.stream().anyMatch(a -> a != role && a.name().equals(r.get("name"))))
                .map(KeycloakAdminClient::minimal)
                .toList();
        if (!others.isEmpty()) {
            call("remove realm roles", () -> http.method(HttpMethod.DELETE)
                    .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), userId)
                    .headers(h -> h.setBearerAuth(accessToken()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(others)
                    .retrieve().toBodilessEntity());
        }
        if (current.stream().anyMatch(r -> role.name().equals(r.get("name")))) {
            return; // already mapped
        }
        Map<String, Object> target = roleMappings("read available realm roles of user",
                "/admin/realms/{realm}/users/{id}/role-mappings/realm/available", userId).stream()
                .filter(r -> role.name().equals(r.get("name")) && r.get("id") != null)
                .findFirst()
                .map(KeycloakAdminClient::minimal)
                .orElseThrow(() -> {
                    log.error("Keycloak realm '{}' offers no realm role {} for user {}: the realm lacks the role or the admin client "
                            + "may not map it (check keycloak/cycube-realm.json)", properties.realm(), role, userId);
                    return unavailable();
                });
        call("add realm role", () -> http.post()
                .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), userId)
                .headers(h -> h.setBearerAuth(accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of(target))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void setEnabled(String userId, boolean enabled) {
        call(enabled ? "enable user" : "disable user", () -> http.put()
                .uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .headers(h -> h.setBearerAuth(accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("enabled", enabled))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void sendInvitationEmail(String userId, Duration validity) {
        call("send invitation e-mail", () -> http.put()
                .uri(uri -> uri.path("/admin/realms/{realm}/users/{id}/execute-actions-email")
                        .queryParam("lifespan", validity.toSeconds())
                        .build(properties.realm(), userId))
                .headers(h -> h.setBearerAuth(accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"))
                .retrieve().toBodilessEntity());
    }

    @Override
    public void delete(String userId) {
        call("delete user", () -> {
            try {
                return http.delete().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                        .headers(h -> h.setBearerAuth(accessToken()))
                        .retrieve().toBodilessEntity();
            } catch (HttpClientErrorException.NotFound alreadyGone) {
                return null;
            }
        });
    }

    private List<Map<String, Object>> roleMappings(String action, String path, String userId) {
        List<Map<String, Object>> roles = call(action, () -> http.get()
                .uri(path, properties.realm(), userId)
                .headers(h -> h.setBearerAuth(accessToken()))
                .retrieve()
                .body(JSON_ARRAY));
        return roles == null ? List.of() : roles;
    }

    /** Keycloak maps roles by id; id and name are all it needs. */
    private static Map<String, Object> minimal(Map<String, Object> role) {
        return Map.of("id", role.get("id"), "name", role.get("name"));
    }

    /** A valid admin token (cached; ServiceAccountToken). */
    String accessToken() {
        try {
            return token.get();
        } catch (ServiceAccountToken.Rejected rejected) {
            // Wrong client id or secret: an operator must fix the configuration; the user can only retry later.
            log.error("{}: check cycube.keycloak.admin.*", rejected.getMessage());
            throw unavailable();
        } catch (ServiceAccountToken.Unavailable down) {
            log.warn("{}", down.getMessage());
            throw unavailable();
        }
    }

    private <T> T call(String action, Supplier<T> request) {
        try {
            return request.get();
        } catch (ResourceAccessException | HttpServerErrorException down) {
            log.warn("Keycloak unavailable during '{}': {}", action, down.getMessage());
            throw unavailable();
        } catch (HttpClientErrorException.Unauthorized expired) {
            token.forget(); // revoked or rotated: fetch a new one on the next call
            log.warn("Keycloak refused the admin token during '{}'", action);
            throw unavailable();
        } catch (HttpClientErrorException refused) {
            // 403/404/400...: Keycloak is configured differently than identity expects (permissions, realm, roles).
            // An operator must fix it; for the user it is an unavailable external system, not an internal bug.
            log.error("Keycloak answered {} to '{}': check the realm configuration and the admin client's permissions",
                    refused.getStatusCode(), action);
            throw unavailable();
        } catch (RestClientResponseException unexpected) {
            throw new IllegalStateException("Keycloak answered " + unexpected.getStatusCode() + " to '" + action + "'", unexpected);
        }
    }

    private static DomainException unavailable() {
        return DomainException.unavailable("The identity provider is unavailable; nothing was changed, please try again later");
    }

}
