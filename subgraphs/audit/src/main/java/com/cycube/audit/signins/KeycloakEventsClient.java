package com.cycube.audit.signins;

import com.cycube.audit.AuditProperties;
import com.cycube.support.keycloak.ServiceAccountToken;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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

    private static final ParameterizedTypeReference<List<KeycloakEvent>> EVENTS = new ParameterizedTypeReference<>() { };

    private final AuditProperties.Keycloak settings;
    private final RestClient http;
    private final ServiceAccountToken token;

    public KeycloakEventsClient(AuditProperties.Keycloak settings, RestClient.Builder builder, Clock clock) {
        if (settings.baseUrl() == null) {
            throw new IllegalStateException("cycube.audit.keycloak is enabled but cycube.audit.keycloak.base-url "
                    + "(CYCUBE_AUDIT_KEYCLOAK_BASE_URL) is not set");
        }
        this.settings = settings;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                // HTTP/1.1: Keycloak speaks it everywhere; a failed h2c upgrade cannot break later calls
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.baseUrl()).requestFactory(requests).build();
        this.token = new ServiceAccountToken(http, settings.realm(), settings.clientId(), settings.clientSecret(), clock);
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

    /** A valid token (cached; ServiceAccountToken). */
    String accessToken() {
        try {
            return token.get();
        } catch (ServiceAccountToken.Rejected rejected) {
            throw new KeycloakUnavailable(rejected.getMessage() + ": check cycube.audit.keycloak.client-secret", rejected);
        } catch (ServiceAccountToken.Unavailable down) {
            throw new KeycloakUnavailable(down.getMessage(), down);
        }
    }

    void forgetToken() {
        token.forget();
    }

    /** Keycloak could not be read now; nothing was stored from the failed request. */
    public static class KeycloakUnavailable extends RuntimeException {
        KeycloakUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
