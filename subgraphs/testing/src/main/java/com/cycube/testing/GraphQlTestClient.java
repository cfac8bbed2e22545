package com.cycube.testing;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends GraphQL over real HTTP, as the router does, so tests exercise the security filter,
 * request context, error mapping and audit exactly as production requests do.
 */
public final class GraphQlTestClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String bearerToken;

    private GraphQlTestClient(URI endpoint, String bearerToken) {
        this.endpoint = endpoint;
        this.bearerToken = bearerToken;
    }

    public static GraphQlTestClient forPort(int port) {
        return forUri(URI.create("http://127.0.0.1:" + port + "/graphql"));
    }

    public static GraphQlTestClient forUri(URI endpoint) {
        return new GraphQlTestClient(endpoint, null);
    }

    public GraphQlTestClient as(Persona persona) {
        return withToken(persona.token());
    }

    public GraphQlTestClient anonymous() {
        return new GraphQlTestClient(endpoint, null);
    }

    public GraphQlTestClient withToken(String token) {
        return new GraphQlTestClient(endpoint, token);
    }

    public Response execute(String query) {
        return execute(query, Map.of());
    }

    public Response execute(String query, Map<String, ?> variables) {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GraphQL response with JSON-path access: {@code response.get("data.me.email")}. */
    public record Response(int status, String body) {

        public DocumentContext json() {
            return JsonPath.parse(body);
        }

        public <T> T get(String path) {
            return json().read("$." + path);
        }

        /** The {@code extensions.code} of every error; empty when the response has none. */
        public List<String> errorCodes() {
            java.util.Map<String, Object> response = json().read("$");
            return response.containsKey("errors") ? json().read("$.errors[*].extensions.code") : List.of();
        }

        public boolean hasErrors() {
            List<Object> errors = JsonPath.parse(body).read("$..errors");
            return body.contains("\"errors\"") && !errors.isEmpty();
        }

        /** Fails with the whole body when the response has errors: for the happy path of tests. */
        public Response assertNoErrors() {
            if (status != 200 || hasErrors()) {
                throw new AssertionError("Expected no errors but got HTTP " + status + ": " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
