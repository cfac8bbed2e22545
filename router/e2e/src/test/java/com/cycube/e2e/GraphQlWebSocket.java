package com.cycube.e2e;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-transport-ws client as Apollo Client users configure it: the token travels in the
 * {@code connection_init} payload as {@code {"Authorization": "Bearer <token>"}}.
 */
final class GraphQlWebSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final WebSocketClient socket;

    private GraphQlWebSocket(String httpUrl, String token) throws Exception {
        URI uri = URI.create(httpUrl.replaceFirst("^http", "ws"));
        socket = new WebSocketClient(uri, new Draft_6455(List.of(), List.of(new Protocol("graphql-transport-ws")))) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                messages.add(JSON.readTree(message));
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                messages.add(JSON.createObjectNode().put("type", "closed").put("code", code).put("reason", reason));
            }

            @Override
            public void onError(Exception error) {
                messages.add(JSON.createObjectNode().put("type", "transport-error").put("reason", String.valueOf(error)));
            }
        };
        if (!socket.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new AssertionError("WebSocket connection to " + uri + " failed: " + messages.poll());
        }
        send(Map.of("type", "connection_init", "payload", token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
        JsonNode ack = next(10);
        if (!"connection_ack".equals(ack.path("type").asString())) {
            throw new AssertionError("Expected connection_ack, got " + ack);
        }
    }

    static GraphQlWebSocket connect(String httpUrl, String token) throws Exception {
        return new GraphQlWebSocket(httpUrl, token);
    }

    void subscribe(String id, String query, Map<String, ?> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** The next message, or an AssertionError after {@code seconds}. */
    JsonNode next(int seconds) throws InterruptedException {
        JsonNode message = messages.poll(seconds, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No WebSocket message within " + seconds + " s");
        }
        return message;
    }

    private void send(Object message) {
        socket.send(JSON.writeValueAsString(message));
    }

    @Override
    public void close() {
        socket.close();
    }
}
