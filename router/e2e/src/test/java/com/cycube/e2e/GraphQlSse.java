package com.cycube.e2e;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscription over Server-Sent Events ("distinct connections" mode of GraphQL over SSE), as a browser's
 * EventSource-style client sends it: one POST with {@code Accept: text/event-stream}, the token in the
 * Authorization header, one {@code next} event per result.
 */
final class GraphQlSse implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    private GraphQlSse(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "sse-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static GraphQlSse subscribe(String url, String token, String query, Map<String, ?> variables) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200
                || !response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            throw new AssertionError("not an event stream: HTTP " + response.statusCode() + " "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new GraphQlSse(response.body());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "next".equals(event)) {
                    events.add(JSON.readTree(line.substring(5).trim()));
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (Exception closed) {
            // the stream ended or the test closed it
        }
    }

    /** The next result ({@code data}/{@code errors}), or an assertion error after {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode next = events.poll(seconds, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("no event within " + seconds + " s");
        }
        return next;
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
