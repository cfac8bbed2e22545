package com.cycube.testclient;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends GraphQL over real HTTP (1.1, as the router speaks to subgraphs), so tests exercise the security filter,
 * request context, error mapping and audit exactly as production requests do; the same client speaks to the router
 * in the end-to-end tests and the benchmark. Immutable: {@link #as}, {@link #withToken} and {@link #withHeader}
 * return a new client.
 */
public final class GraphQlClient {

    private static final String AUTHORIZATION = "Authorization";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final Map<String, String> headers;

    private GraphQlClient(URI endpoint, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.headers = Map.copyOf(headers);
    }

    /** {@code http://127.0.0.1:<port>/graphql}: a subgraph under test. */
    public static GraphQlClient forPort(int port) {
        return forUri(URI.create("http://127.0.0.1:" + port + "/graphql"));
    }

    public static GraphQlClient forUri(URI endpoint) {
        return new GraphQlClient(endpoint, Map.of());
    }

    /** Any GraphQL endpoint, e.g. the router's {@code http://localhost:4000/graphql}. */
    public static GraphQlClient forUrl(String endpoint) {
        return forUri(URI.create(endpoint));
    }

    public GraphQlClient as(Persona persona) {
        return withToken(persona.token());
    }

    /** Without a token (other headers are kept). */
    public GraphQlClient anonymous() {
        return withToken(null);
    }

    /** Sends {@code Authorization: Bearer <token>}; {@code null} sends no token. */
    public GraphQlClient withToken(String token) {
        return withHeader(AUTHORIZATION, token == null ? null : "Bearer " + token);
    }

    /** Sends this header with every request, e.g. {@code x-request-id} as the router does; {@code null} removes it. */
    public GraphQlClient withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new GraphQlClient(endpoint, changed);
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
        headers.forEach(request::header);
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

        /** The top-level members of the body, e.g. to check that a refused request has no {@code data}. */
        public Set<String> members() {
            Map<String, Object> response = json().read("$");
            return response.keySet();
        }

        /** The {@code extensions.code} of every error; empty when the response has none. */
        public List<String> errorCodes() {
            return members().contains("errors") ? json().read("$.errors[*].extensions.code") : List.of();
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
