package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code subscribers} WebSocket clients follow one running lab through the router; the lab's owner extends it
 * {@code changes} times, one change at a time. Each change gives the lab a new {@code expiresAt}: a subscriber's
 * delay for that change is from just before the mutation was sent to the arrival of the first message carrying the
 * new value (so the mutation's own processing is included: an upper bound on "stored → delivered").
 */
final class SubscriptionFanOut {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LAB_UPDATED = "subscription($id: ID!) { labUpdated(id: $id) { id state expiresAt } }";

    private final LocalStack stack;
    private final int subscribers;
    private final int changes;

    SubscriptionFanOut(LocalStack stack, int subscribers, int changes) {
        this.stack = stack;
        this.subscribers = subscribers;
        this.changes = changes;
    }

    /** One client: remembers when each expiresAt value first arrived. */
    private static final class Subscriber extends WebSocketClient {
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final CountDownLatch acknowledged = new CountDownLatch(1);
        final CountDownLatch firstResult = new CountDownLatch(1);
        final String token;
        volatile String problem;

        Subscriber(URI uri, String token) {
            super(uri, new Draft_6455(List.of(), List.of(new Protocol("graphql-transport-ws"))));
            this.token = token;
            setConnectionLostTimeout(0);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            send(JSON.writeValueAsString(Map.of("type", "connection_init",
                    "payload", Map.of("Authorization", "Bearer " + token))));
        }

        @Override
        public void onMessage(String text) {
            long now = System.nanoTime();
            JsonNode message = JSON.readTree(text);
            switch (message.path("type").asString()) {
                case "connection_ack" -> acknowledged.countDown();
                case "next" -> {
                    JsonNode lab = message.path("payload").path("data").path("labUpdated");
                    if (lab.isMissingNode() || lab.isNull()) {
                        problem = text;
                    } else {
                        arrivals.putIfAbsent(lab.path("expiresAt").asString(), now);
                    }
                    firstResult.countDown();
                }
                case "ping" -> send("{\"type\":\"pong\"}");
                case "error", "complete" -> problem = text;
                default -> { }
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (remote) {
                problem = "closed " + code + " " + reason;
            }
        }

        @Override
        public void onError(Exception error) {
            problem = error.toString();
        }

        void subscribe(String labId) {
            send(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe",
                    "payload", Map.of("query", LAB_UPDATED, "variables", Map.of("id", labId)))));
        }
    }

    List<String> run() throws Exception {
        String token = stack.token("trainee@acme.test");
        String labId = new Journey(stack, token).runningLab("cube-linux-triage-lab", "tmpl-kali-ssh");
        URI uri = URI.create(stack.routerUrl().replaceFirst("^http", "ws"));
        List<Subscriber> clients = new ArrayList<>();
        long connectStarted = System.nanoTime();
        try {
            for (int i = 0; i < subscribers; i++) {
                Subscriber client = new Subscriber(uri, token);
                client.connect();
                clients.add(client);
                if (i % 50 == 49) { // let each batch finish its handshake before opening more
                    awaitAll(clients, c -> c.acknowledged, 30);
                }
            }
            awaitAll(clients, c -> c.acknowledged, 30);
            clients.forEach(client -> client.subscribe(labId));
            awaitAll(clients, c -> c.firstResult, 60);
            double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;

            Latencies delays = new Latencies();
            AtomicInteger missing = new AtomicInteger();
            for (int change = 0; change < changes; change++) {
                long sent = System.nanoTime();
                String expiresAt = Graph.call(stack.routerUrl(), token,
                                "mutation($i: ExtendLabInput!) { extendLab(input: $i) { lab { expiresAt } } }",
                                Map.of("i", Map.of("id", labId, "minutes", 1)))
                        .path("extendLab").path("lab").path("expiresAt").asString();
                long deadline = System.nanoTime() + 15_000_000_000L;
                while (System.nanoTime() < deadline
                        && clients.stream().anyMatch(client -> !client.arrivals.containsKey(expiresAt))) {
                    Thread.sleep(5);
                }
                for (Subscriber client : clients) {
                    Long arrived = client.arrivals.get(expiresAt);
                    if (arrived == null) {
                        missing.incrementAndGet();
                    } else {
                        delays.add(arrived - sent);
                    }
                }
                Thread.sleep(200); // let the system settle between changes
            }
            String problem = clients.stream().map(client -> client.problem).filter(p -> p != null).findFirst()
                    .orElse("none");
            return List.of(
                    String.format(Locale.ROOT, "-- lab subscription fan-out: %d WebSocket subscribers through the "
                            + "router, %d changes (extendLab), subscribed in %.1f s", subscribers, changes, connectSeconds),
                    String.format(Locale.ROOT, "change -> delivered at every subscriber: %s; missing %d of %d; "
                            + "first client problem: %s", delays.summary(), missing.get(), subscribers * changes, problem));
        } finally {
            clients.forEach(client -> {
                try {
                    client.closeBlocking();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private static void awaitAll(List<Subscriber> clients, java.util.function.Function<Subscriber, CountDownLatch> latch,
                                 int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Subscriber client : clients) {
            long left = deadline - System.nanoTime();
            if (!latch.apply(client).await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("a subscriber got no answer within " + seconds + " s: "
                        + client.problem);
            }
        }
    }
}
