package com.cycube.testing;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/** A minimal graphql-transport-ws client on the JDK's WebSocket, as a browser's Apollo Client speaks it. */
public final class GraphQlWsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private GraphQlWsClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(partial.toString());
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }

    /** Connects and sends {@code connection_init} with {@code {"Authorization": "Bearer <token>"}}; returns after the ack. */
    public static GraphQlWsClient connect(int port, String token) throws Exception {
        GraphQlWsClient client = new GraphQlWsClient(URI.create("ws://127.0.0.1:" + port + "/graphql"));
        client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        String ack = client.next();
        if (!ack.contains("connection_ack")) {
            throw new AssertionError("Expected connection_ack, got " + ack);
        }
        return client;
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** The next message from the server (5 s at most). */
    public String next() throws InterruptedException {
        String message = messages.poll(5, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No message within 5 s");
        }
        return message;
    }

    /** The next message, skipping {@code ping}s. */
    public String nextPayload() throws InterruptedException {
        String message = next();
        while (message.contains("\"type\":\"ping\"")) {
            message = next();
        }
        return message;
    }

    public static <T> T read(String message, String path) {
        return JsonPath.parse(message).read("$." + path);
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
}
