package com.cycube.support.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code graphql-transport-ws} client on the JDK's WebSocket: sends protocol messages and hands
 * back every received message (or the close) in order, each awaited with a timeout.
 */
final class GraphQlWebSocket implements WebSocket.Listener, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What arrived: a protocol message, or the server closing the socket. */
    sealed interface Received permits Message, Closed {
    }

    record Message(JsonNode json) implements Received {
        String type() {
            return json.path("type").asString();
        }
    }

    record Closed(int code, String reason) implements Received {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static GraphQlWebSocket connect(int port) throws Exception {
        GraphQlWebSocket client = new GraphQlWebSocket();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(TIMEOUT)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), client)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return client;
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    void send(Map<String, ?> message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void connectionInit(Map<String, ?> payload) throws Exception {
        send(payload == null ? Map.of("type", "connection_init") : Map.of("type", "connection_init", "payload", payload));
    }

    void subscribe(String id, String query) throws Exception {
        send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", query)));
    }

    /** The next message or close, failing the test if nothing arrives in time. */
    Received next() throws InterruptedException {
        Received next = received.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("Nothing received within " + TIMEOUT);
        }
        return next;
    }

    Message nextMessage() throws InterruptedException {
        Received next = next();
        if (next instanceof Message message) {
            return message;
        }
        throw new AssertionError("Expected a message but the server closed the socket: " + next);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(new Message(JSON.readTree(partial.toString())));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        received.add(new Closed(-1, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(ignored -> null).join();
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
