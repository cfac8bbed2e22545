package com.cycube.support.it;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** POSTs GraphQL over real HTTP with an optional bearer token and request id, as the router does. */
final class GraphQlHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String token;
    private final String requestId;

    private GraphQlHttp(URI endpoint, String token, String requestId) {
        this.endpoint = endpoint;
        this.token = token;
        this.requestId = requestId;
    }

    static GraphQlHttp forPort(int port) {
        return new GraphQlHttp(URI.create("http://127.0.0.1:" + port + "/graphql"), null, null);
    }

    GraphQlHttp withToken(String bearerToken) {
        return new GraphQlHttp(endpoint, bearerToken, requestId);
    }

    GraphQlHttp withRequestId(String id) {
        return new GraphQlHttp(endpoint, token, id);
    }

    Response post(String query) {
        return post(query, Map.of());
    }

    Response post(String query, Map<String, ?> variables) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(4))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("x-request-id", requestId);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {

        DocumentContext json() {
            return JsonPath.parse(body);
        }

        <T> T get(String path) {
            return json().read("$." + path);
        }

        /** The top-level members of the body, e.g. to check that there is no {@code data}. */
        Set<String> members() {
            return json().read("$", Map.class).keySet();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
