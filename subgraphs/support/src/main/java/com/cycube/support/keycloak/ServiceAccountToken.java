package com.cycube.support.keycloak;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The one way a subgraph gets a token of its own Keycloak service account (identity's admin client, audit's event
 * reader): the client-credentials grant at {@code <base>/realms/<realm>/protocol/openid-connect/token}, cached until
 * 30 s before Keycloak says it expires, and dropped by {@link #forget()} when Keycloak refuses it (revoked, rotated).
 * Failures are typed so that each caller maps them to its own answer: {@link Rejected} (the client id or secret is
 * wrong — an operator must fix the configuration) and {@link Unavailable} (Keycloak could not be asked).
 */
public class ServiceAccountToken {

    /** Fetch a new token this long before Keycloak says the current one expires. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final RestClient http;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private Cached cached;

    /** @param http a client whose base URL is Keycloak's (e.g. {@code http://keycloak:8080}) */
    public ServiceAccountToken(RestClient http, String realm, String clientId, String clientSecret, Clock clock) {
        this.http = http;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret == null ? "" : clientSecret;
        this.clock = clock;
    }

    /** Keycloak refused the client's credentials. */
    public static class Rejected extends RuntimeException {
        Rejected(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Keycloak could not be asked (down, 5xx, an answer without a token). */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A valid access token, from the cache unless it is about to expire. */
    public synchronized String get() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.refreshAfter())) {
            return cached.value();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", clientSecret);
        Map<String, Object> response;
        try {
            response = http.post().uri("/realms/{realm}/protocol/openid-connect/token", realm)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JSON_OBJECT);
        } catch (HttpClientErrorException rejected) {
            throw new Rejected("Keycloak rejected the credentials of " + clientId + " (" + rejected.getStatusCode() + ")",
                    rejected);
        } catch (RestClientException down) {
            throw new Unavailable("Getting a token for " + clientId + " from Keycloak failed: " + down.getMessage(), down);
        }
        if (response == null || !(response.get("access_token") instanceof String value)) {
            throw new Unavailable("Keycloak's token response for " + clientId + " has no access_token", null);
        }
        long expiresIn = response.get("expires_in") instanceof Number seconds ? seconds.longValue() : 60;
        Instant refreshAfter = now.plusSeconds(expiresIn).minus(EXPIRY_MARGIN);
        cached = new Cached(value, refreshAfter.isAfter(now) ? refreshAfter : now);
        return value;
    }

    /** Keycloak refused the token: the next {@link #get()} asks for a new one. */
    public synchronized void forget() {
        cached = null;
    }

    private record Cached(String value, Instant refreshAfter) {
    }
}
