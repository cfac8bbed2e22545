package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import com.cycube.devstack.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Distinct access tokens of one user, as if signed in from several browsers: one password sign-in, then refresh-token
 * grants (dozens of password grants in a second look like an attack to Keycloak's brute-force detection).
 */
final class BrowserTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BrowserTokens() {
    }

    static List<String> of(LocalStack stack, String email, int count) {
        JsonNode signedIn = grant(stack, "grant_type=password&client_id=" + Tokens.DEV_CLIENT_ID + "&username="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + Tokens.DEV_PASSWORD);
        List<String> tokens = new ArrayList<>();
        tokens.add(signedIn.path("access_token").asString());
        String refresh = signedIn.path("refresh_token").asString();
        while (tokens.size() < count) {
            JsonNode refreshed = grant(stack, "grant_type=refresh_token&client_id=" + Tokens.DEV_CLIENT_ID
                    + "&refresh_token=" + URLEncoder.encode(refresh, StandardCharsets.UTF_8));
            tokens.add(refreshed.path("access_token").asString());
            refresh = refreshed.path("refresh_token").asString(refresh);
        }
        return tokens;
    }

    private static JsonNode grant(LocalStack stack, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the grant: HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
