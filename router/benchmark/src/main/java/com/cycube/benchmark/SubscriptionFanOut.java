package com.cycube.benchmark;

import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.GraphQlWsClient.Message;
import com.cycube.testclient.GraphQlWsClient.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * {@code subscribers} WebSocket clients follow one running lab through the router; the lab's owner extends it
 * {@code changes} times, one change at a time. Each change gives the lab a new {@code expiresAt}: a subscriber's
 * delay for that change is from just before the mutation was sent to the arrival of the first message carrying the
 * new value (the client stamps each message as it arrives; the mutation's own processing is included: an upper
 * bound on "stored → delivered").
 */
final class SubscriptionFanOut {

    private static final String LAB_UPDATED = "subscription($id: ID!) { labUpdated(id: $id) { id state expiresAt } }";
    /** Subscribers open their sockets this many at a time, each batch finishing its handshakes before the next. */
    private static final int CONNECT_BATCH = 50;
    private static final Duration DELIVERY_WINDOW = Duration.ofSeconds(15);

    private final LocalStack stack;
    private final int subscribers;
    private final int changes;

    SubscriptionFanOut(LocalStack stack, int subscribers, int changes) {
        this.stack = stack;
        this.subscribers = subscribers;
        this.changes = changes;
    }

    /** One client: remembers when each expiresAt value first arrived. */
    private static final class Subscriber {
        final GraphQlWsClient socket;
        final Map<String, Long> arrivals = new HashMap<>();
        boolean answered;
        String problem;

        Subscriber(GraphQlWsClient socket) {
            this.socket = socket;
        }

        /** Takes in everything that has arrived so far. */
        boolean drain() throws InterruptedException {
            for (Optional<Received> next = socket.poll(Duration.ZERO); next.isPresent(); next = socket.poll(Duration.ZERO)) {
                take(next.get());
            }
            return answered;
        }

        private void take(Received received) {
            if (!(received instanceof Message message)) {
                problem = received.toString();
                return;
            }
            switch (message.type()) {
                case "next" -> {
                    JsonNode lab = message.json().path("payload").path("data").path("labUpdated");
                    if (lab.isMissingNode() || lab.isNull()) {
                        problem = message.text();
                    } else {
                        arrivals.putIfAbsent(lab.path("expiresAt").asString(), message.receivedAtNanos());
                    }
                    answered = true;
                }
                case "error", "complete" -> problem = message.text();
                default -> { } // ping: the client answers it
            }
        }
    }

    List<String> run() throws Exception {
        String token = stack.token("trainee@acme.test");
        String labId = new Journey(stack, token).runningLab("cube-linux-triage-lab", "tmpl-kali-ssh");
        GraphQlClient owner = GraphQlClient.forUrl(stack.routerUrl()).withToken(token);
        List<Subscriber> clients = new ArrayList<>();
        long connectStarted = System.nanoTime();
        try {
            connect(token, clients);
            clients.forEach(client -> client.socket.subscribe("1", LAB_UPDATED, Map.of("id", labId)));
            awaitFirstResults(clients);
            double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;

            Latencies delays = new Latencies();
            int missing = 0;
            for (int change = 0; change < changes; change++) {
                long sent = System.nanoTime();
                String expiresAt = owner.execute("mutation($i: ExtendLabInput!) { extendLab(input: $i) { lab { expiresAt } } }",
                        Map.of("i", Map.of("id", labId, "minutes", 1))).assertNoErrors().get("data.extendLab.lab.expiresAt");
                collectDeliveries(clients, expiresAt);
                for (Subscriber client : clients) {
                    Long arrived = client.arrivals.get(expiresAt);
                    if (arrived == null) {
                        missing++;
                    } else {
                        delays.add(arrived - sent);
                    }
                }
                Thread.sleep(200); // let the system settle between changes
            }
            return List.of(
                    String.format(Locale.ROOT, "-- lab subscription fan-out: %d WebSocket subscribers through the "
                            + "router, %d changes (extendLab), subscribed in %.1f s", subscribers, changes, connectSeconds),
                    String.format(Locale.ROOT, "change -> delivered at every subscriber: %s; missing %d of %d; "
                            + "first client problem: %s", delays.summary(), missing, subscribers * changes,
                            firstProblem(clients)));
        } finally {
            clients.forEach(client -> client.socket.close());
        }
    }

    /** Connects every subscriber (each returns once acknowledged), a batch at a time; adds them to {@code clients}. */
    private void connect(String token, List<Subscriber> clients) throws InterruptedException {
        ExecutorService connecting = Executors.newFixedThreadPool(CONNECT_BATCH);
        Callable<Subscriber> connectOne = () -> new Subscriber(GraphQlWsClient.connect(stack.routerUrl(), token));
        try {
            while (clients.size() < subscribers) {
                int batch = Math.min(CONNECT_BATCH, subscribers - clients.size());
                Throwable failure = null;
                for (Future<Subscriber> connected : connecting.invokeAll(Collections.nCopies(batch, connectOne))) {
                    try {
                        clients.add(connected.get());
                    } catch (ExecutionException e) {
                        failure = failure == null ? e.getCause() : failure;
                    }
                }
                if (failure != null) {
                    throw new IllegalStateException("a subscriber could not connect: " + failure.getMessage(), failure);
                }
            }
        } finally {
            connecting.shutdownNow();
        }
    }

    private static void awaitFirstResults(List<Subscriber> clients) {
        try {
            await("every subscriber's first result").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        boolean all = true;
                        for (Subscriber client : clients) {
                            all &= client.drain();
                        }
                        return all;
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(e.getMessage() + "; first client problem: " + firstProblem(clients), e);
        }
    }

    /** Waits until every subscriber has the change, or the delivery window ends (the rest count as missing). */
    private static void collectDeliveries(List<Subscriber> clients, String expiresAt) throws InterruptedException {
        long windowEnds = System.nanoTime() + DELIVERY_WINDOW.toNanos();
        boolean everyone = false;
        while (!everyone && System.nanoTime() < windowEnds) {
            everyone = true;
            for (Subscriber client : clients) {
                client.drain();
                everyone &= client.arrivals.containsKey(expiresAt);
            }
            if (!everyone) {
                Thread.sleep(5);
            }
        }
    }

    private static String firstProblem(List<Subscriber> clients) {
        return clients.stream().map(client -> client.problem).filter(Objects::nonNull).findFirst().orElse("none");
    }
}
