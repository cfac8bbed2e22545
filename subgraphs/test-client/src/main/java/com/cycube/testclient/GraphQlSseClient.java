package com.cycube.testclient;

import java.io.BufferedReader;
import java.io.IOException;
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
public final class GraphQlSseClient implements AutoCloseable {

    /** How long {@link #next()} waits. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> results = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;

    private GraphQlSseClient(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "graphql-sse-reader");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts the subscription at {@code url} ({@code token} may be null); fails unless the answer is an event stream. */
    public static GraphQlSseClient subscribe(String url, String token, String query, Map<String, ?> variables)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200
                || !response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
            throw new AssertionError("not an event stream: HTTP " + response.statusCode() + " "
                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return new GraphQlSseClient(response.body());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && "next".equals(event)) {
                    results.add(JSON.readTree(line.substring(5).trim()));
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (Exception closed) {
            // the stream ended or the client closed it
        }
    }

    /** The next result ({@code data}/{@code errors}), failing the test if none arrives within {@link #TIMEOUT}. */
    public JsonNode next() throws InterruptedException {
        return next(TIMEOUT);
    }

    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode next = results.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (next == null) {
            throw new AssertionError("No server-sent event within " + timeout.toSeconds() + " s");
        }
        return next;
    }

    @Override
    public void close() throws IOException {
        body.close();
        reader.interrupt();
    }
}
