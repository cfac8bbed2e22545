package com.cycube.devstack;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens from the local Keycloak: the password grant through the development client {@code cycube-dev},
 * and the client-credentials grant of an integration client.
 */
public final class Tokens {

    public static final String DEV_CLIENT_ID = "cycube-dev";
    /** The password of every seed user of the dev overlay keycloak/cycube-realm-dev.json (development only). */
    public static final String DEV_PASSWORD = "cycube-dev";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI tokenEndpoint;

    /** @param tokenEndpoint {@code http://localhost:<kc>/realms/cycube/protocol/openid-connect/token} */
    public Tokens(String tokenEndpoint) {
        this.tokenEndpoint = URI.create(tokenEndpoint);
    }

    /** A user's access token by the password grant of {@code cycube-dev}. */
    public String password(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", DEV_CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        return accessToken(Http.postForm(tokenEndpoint, form, null, null), "user " + username);
    }

    /** A service account's access token by the client-credentials grant. */
    public String clientCredentials(String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        return accessToken(Http.postForm(tokenEndpoint, form, clientId, clientSecret), "client " + clientId);
    }

    private String accessToken(HttpResponse<String> response, String who) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + who + " at " + tokenEndpoint + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        String token = body.path("access_token").asString("");
        if (token.isEmpty()) {
            throw new IllegalStateException("no access_token in Keycloak's answer for " + who + ": " + response.body());
        }
        return token;
    }

    /** The claims of a JWT, decoded without checking its signature (for tests and diagnostics only). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
