package com.cycube.testclient;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code graphql-transport-ws} client, as a browser's Apollo Client speaks it: the token travels in the
 * {@code connection_init} payload as {@code {"Authorization": "Bearer <token>"}}. Speaks to a subgraph under test
 * ({@link #connect(int, String)}) or to any URL such as the router's ({@link #connect(String, String)}). Everything
 * the server sends — each message with the moment it arrived, or the close — is queued in order; a {@code ping} is
 * answered with a {@code pong} (and queued too). Protocol tests {@link #open} a socket and drive the handshake
 * themselves.
 */
public final class GraphQlWsClient implements AutoCloseable {

    /** How long the methods without a timeout wait. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    public static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What arrived: a protocol message, or the socket closing. */
    public sealed interface Received permits Message, Closed {
    }

    /** A message as sent ({@code text}), parsed, and when it arrived ({@link System#nanoTime()}). */
    public record Message(String text, JsonNode json, long receivedAtNanos) implements Received {

        public String type() {
            return json.path("type").asString();
        }

        /** The subscription id of {@code next}, {@code error} and {@code complete}. */
        public String id() {
            return json.path("id").asString();
        }

        /** JSON-path access to the message: {@code message.get("payload.data.labUpdated.state")}. */
        public <T> T get(String path) {
            return read(text, path);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The socket closed: the server's close code, or -1 with the error when the connection failed. */
    public record Closed(int code, String reason) implements Received {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final WebSocketClient socket;

    private GraphQlWsClient(URI uri, Map<String, String> handshakeHeaders) {
        this.socket = new WebSocketClient(uri, new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL))),
                handshakeHeaders) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String text) {
                long arrived = System.nanoTime();
                Message message = new Message(text, JSON.readTree(text), arrived);
                if ("ping".equals(message.type())) {
                    send(JSON.writeValueAsString(Map.of("type", "pong")));
                }
                received.add(message);
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                received.add(new Closed(code, reason));
            }

            @Override
            public void onError(Exception error) {
                received.add(new Closed(-1, String.valueOf(error)));
            }
        };
        socket.setConnectionLostTimeout(0); // the server's own keep-alive decides, as with a browser
        socket.setDaemon(true);
    }

    /** Opens a socket to {@code ws://127.0.0.1:<port>/graphql} without saying anything yet. */
    public static GraphQlWsClient open(int port) throws InterruptedException {
        return open(URI.create("ws://127.0.0.1:" + port + "/graphql"));
    }

    /** Opens a socket to {@code url} ({@code ws(s)://} or the endpoint's {@code http(s)://} URL) without saying anything yet. */
    public static GraphQlWsClient open(URI url) throws InterruptedException {
        return open(url, Map.of());
    }

    /**
     * Opens a socket to {@code url} whose handshake (the HTTP upgrade request) carries {@code handshakeHeaders}, as a
     * proxy in front of the server would send them (e.g. {@code X-Forwarded-For}); says nothing yet.
     */
    public static GraphQlWsClient open(URI url, Map<String, String> handshakeHeaders) throws InterruptedException {
        URI uri = URI.create(url.toString().replaceFirst("^http", "ws"));
        GraphQlWsClient client = new GraphQlWsClient(uri, handshakeHeaders);
        if (!client.socket.connectBlocking(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("WebSocket connection to " + uri + " failed: " + client.received.poll());
        }
        return client;
    }

    /** Connects to a subgraph under test and returns after the {@code connection_ack} ({@code token} may be null). */
    public static GraphQlWsClient connect(int port, String token) throws InterruptedException {
        return connected(open(port), token);
    }

    /** Connects to any GraphQL endpoint, e.g. the router's {@code http://localhost:4000/graphql}; returns after the ack. */
    public static GraphQlWsClient connect(String url, String token) throws InterruptedException {
        return connected(open(URI.create(url)), token);
    }

    private static GraphQlWsClient connected(GraphQlWsClient client, String token) throws InterruptedException {
        client.connectionInit(token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
        Received ack = client.receive(Duration.ofSeconds(10));
        if (!(ack instanceof Message message) || !"connection_ack".equals(message.type())) {
            client.close();
            throw new AssertionError("Expected connection_ack, got " + ack);
        }
        return client;
    }

    /** The subprotocol the server accepted ({@value #SUBPROTOCOL}), or null. */
    public String subprotocol() {
        IProtocol protocol = socket.getProtocol();
        return protocol == null ? null : protocol.getProvidedProtocol();
    }

    /** Sends {@code connection_init} with this payload; {@code null} sends it without one. */
    public void connectionInit(Map<String, ?> payload) {
        send(payload == null ? Map.of("type", "connection_init") : Map.of("type", "connection_init", "payload", payload));
    }

    public void subscribe(String id, String query) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    public void subscribe(String id, String query, Map<String, ?> variables) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    /** Sends any protocol message. */
    public void send(Map<String, ?> message) {
        socket.send(JSON.writeValueAsString(message));
    }

    /** The next message or close within {@code timeout}, if any. */
    public Optional<Received> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The next message or close, failing the test if nothing arrives within {@link #TIMEOUT}. */
    public Received receive() throws InterruptedException {
        return receive(TIMEOUT);
    }

    public Received receive(Duration timeout) throws InterruptedException {
        return poll(timeout).orElseThrow(() -> new AssertionError("No WebSocket message within " + timeout.toSeconds() + " s"));
    }

    /** The next message, failing the test if the socket closed instead or nothing arrives within {@link #TIMEOUT}. */
    public Message nextMessage() throws InterruptedException {
        return nextMessage(TIMEOUT);
    }

    public Message nextMessage(Duration timeout) throws InterruptedException {
        Received next = receive(timeout);
        if (next instanceof Message message) {
            return message;
        }
        throw new AssertionError("Expected a message but the socket closed: " + next);
    }

    /** The text of the next message (within {@link #TIMEOUT}). */
    public String next() throws InterruptedException {
        return nextMessage().text();
    }

    /** The text of the next message that is not a {@code ping}. */
    public String nextPayload() throws InterruptedException {
        String message = next();
        while (message.contains("\"type\":\"ping\"")) {
            message = next();
        }
        return message;
    }

    /** JSON-path access to a message's text: {@code read(message, "payload.data.labUpdated.state")}. */
    public static <T> T read(String message, String path) {
        return JsonPath.parse(message).read("$." + path);
    }

    @Override
    public void close() {
        socket.close(1000, "done");
    }
}
