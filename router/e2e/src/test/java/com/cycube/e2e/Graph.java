package com.cycube.e2e;

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

/** A GraphQL client speaking to the router as the frontend and integrators do. */
final class Graph {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final String token;

    Graph(String url, String token) {
        this.url = url;
        this.token = token;
    }

    Reply query(String query) {
        return query(query, Map.of());
    }

    Reply query(String query, Map<String, ?> variables) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String body) {

        <T> T get(String path) {
            return JsonPath.parse(body).read("$." + path);
        }

        List<String> errorCodes() {
            return body.contains("\"errors\"") ? JsonPath.parse(body).read("$.errors[*].extensions.code") : List.of();
        }

        Reply assertNoErrors() {
            if (status != 200 || body.contains("\"errors\"")) {
                throw new AssertionError("Expected no errors, got HTTP " + status + ": " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
