package com.cycube.audit.signins;

import com.cycube.audit.AuditProperties;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Reads Keycloak's stored events over its admin REST API, authenticated with the client-credentials grant of
 * {@code cycube.audit.keycloak.client-id} (a service account whose only right is realm-management
 * {@code view-events}); the token is cached until shortly before it expires and dropped when Keycloak refuses it.
 * Every failure — Keycloak unreachable, 5xx, a refused token or secret — is a {@link KeycloakUnavailable}: the poller
 * keeps its cursor and tries again later.
 */
public class KeycloakEventsClient {

    /** Fetch a new token this long before Keycloak says the current one expires. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<List<KeycloakEvent>> EVENTS = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() { };

    private final AuditProperties.Keycloak settings;
    private final RestClient http;
    private final Clock clock;
    private Token token;

    public KeycloakEventsClient(AuditProperties.Keycloak settings, RestClient.Builder builder, Clock clock) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("cycube.audit.keycloak is enabled but cycube.audit.keycloak.base-url "
                    + "(CYCUBE_AUDIT_KEYCLOAK_BASE_URL) is not set");
        }
        this.settings = settings;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                // HTTP/1.1: Keycloak speaks it everywhere; a failed h2c upgrade cannot break later calls
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.baseUrl()).requestFactory(requests).build();
    }

    /**
     * Up to {@code max} events of {@code stream} that happened at or after {@code fromMillis}, oldest first (Keycloak
     * orders by time only: events of one millisecond come in any order).
     */
    public List<KeycloakEvent> read(EventStream stream, long fromMillis, int max) {
        String bearer = accessToken();
        try {
            List<KeycloakEvent> events = http.get()
                    .uri(uri -> uri.path(stream.path())
                            .queryParam("dateFrom", Math.max(0, fromMillis))
                            .queryParam("direction", "asc")
                            .queryParam("first", 0)
                            .queryParam("max", max)
                            .build(settings.realm()))
                    .headers(headers -> headers.setBearerAuth(bearer))
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(EVENTS);
            return events == null ? List.of() : events;
        } catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden refused) {
            forgetToken(); // revoked, rotated, or the client lost view-events: a fresh token on the next poll
            throw new KeycloakUnavailable("Keycloak refused to list " + stream.id() + " (" + refused.getStatusCode()
                    + "): the reader client needs realm-management view-events", refused);
        } catch (RestClientException down) {
            throw new KeycloakUnavailable("Reading " + stream.id() + " from Keycloak failed: " + down.getMessage(), down);
        }
    }

    /** A valid token, from the cache unless it is about to expire. */
    synchronized String accessToken() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(token.refreshAfter())) {
            return token.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret() == null ? "" : settings.clientSecret());
        Map<String, Object> response;
        try {
            response = http.post().uri("/realms/{realm}/protocol/openid-connect/token", settings.realm())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JSON_OBJECT);
        } catch (HttpClientErrorException rejected) {
            throw new KeycloakUnavailable("Keycloak rejected the credentials of " + settings.clientId() + " ("
                    + rejected.getStatusCode() + "): check cycube.audit.keycloak.client-secret", rejected);
        } catch (RestClientException down) {
            throw new KeycloakUnavailable("Getting a token from Keycloak failed: " + down.getMessage(), down);
        }
        if (response == null || !(response.get("access_token") instanceof String value)) {
            throw new KeycloakUnavailable("Keycloak's token response has no access_token", null);
        }
        long expiresIn = response.get("expires_in") instanceof Number n ? n.longValue() : 60;
        Instant refreshAfter = now.plusSeconds(expiresIn).minus(EXPIRY_MARGIN);
        token = new Token(value, refreshAfter.isAfter(now) ? refreshAfter : now);
        return value;
    }

    synchronized void forgetToken() {
        token = null;
    }

    /** Keycloak could not be read now; nothing was stored from the failed request. */
    public static class KeycloakUnavailable extends RuntimeException {
        KeycloakUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Token(String value, Instant refreshAfter) {
    }
}
