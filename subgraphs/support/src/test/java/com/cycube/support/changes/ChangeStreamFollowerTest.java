package com.cycube.support.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A follower tells its handler which document changed, times each change from commit to arrival, and reads at once
 * when this application wrote to its collection.
 */
class ChangeStreamFollowerTest {

    /** Long enough that a change seen within {@link #WELL_BEFORE_THE_POLL} was not found by the poll. */
    private static final Duration LONG_POLL = Duration.ofSeconds(30);
    private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(5);

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    /** Stands in for the Prometheus registry Spring Boot adds to the global one. */
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** Change-stream reads (getMore) per collection, as the store sees them. */
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    @BeforeEach
    void startStore() {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog();
        server = new MongoServer(backend);
        // the listener support's auto-configuration registers on every client of a subgraph
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort()))
                .addCommandListener(new LocalWritesListener())
                .addCommandListener(readsCounter())
                .build());
        mongo = new MongoTemplate(client, "follower-test");
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void stopStore() {
        Metrics.removeRegistry(registry);
        client.close();
        server.shutdownNow();
    }

    @Test
    void reportsEveryInsertedDocumentAndRecordsTheLagOfEachChange() throws Exception {
        List<Optional<String>> changed = new CopyOnWriteArrayList<>();
        String collection = "things";
        mongo.createCollection(collection);
        try (ChangeStreamFollower follower = ChangeStreamFollower.start(mongo, collection, Duration.ofMillis(20),
                Duration.ofMillis(50), new ChangeStreamFollower.Handler() {
                    @Override
                    public void changed(Optional<String> documentId) {
                        changed.add(documentId);
                    }

                    @Override
                    public void resumed() {
                    }
                })) {
            // the stream opens from "now" (later on a loaded machine): write probes until one arrives — it is open then;
            // probes written before it opened are never seen, the ones after arrive before "a" (changes come in order)
            java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                mongo.getCollection(collection).insertOne(new Document("_id", "probe-" + probes.incrementAndGet()));
                return !changed.isEmpty();
            });
            mongo.getCollection(collection).insertOne(new Document("_id", "a"));
            mongo.getCollection(collection).insertOne(new Document("_id", "b"));

            await().atMost(Duration.ofSeconds(30)).until(() -> changed.contains(Optional.of("b")));
            assertThat(changed.subList(changed.size() - 2, changed.size())).containsExactly(Optional.of("a"), Optional.of("b"));
            assertThat(changed.subList(0, changed.size() - 2)).allSatisfy(probe -> assertThat(probe.orElseThrow()).startsWith("probe-"));
            Timer lag = registry.find("cycube.changes.lag").tag("collection", collection).timer();
            assertThat(lag).isNotNull();
            assertThat(lag.count()).as("one lag per change seen").isEqualTo(changed.size());
            assertThat(lag.max(java.util.concurrent.TimeUnit.SECONDS)).isLessThan(5); // whole seconds on this store
        }
    }

    @Test
    void a_write_through_the_template_wakes_the_idle_follower_long_before_its_poll_interval() throws Exception {
        List<Optional<String>> changed = new CopyOnWriteArrayList<>();
        mongo.createCollection("labs");
        try (ChangeStreamFollower follower = ChangeStreamFollower.start(mongo, "labs", LONG_POLL, Duration.ofMillis(50),
                recordingInto(changed))) {
            awaitIdle(follower);

            mongo.insert(new Document("_id", "lab-1").append("state", "RUNNING"), "labs");

            await().atMost(WELL_BEFORE_THE_POLL).until(() -> changed.contains(Optional.of("lab-1")));
        }
    }

    @Test
    void a_write_to_another_collection_leaves_the_follower_waiting() throws Exception {
        List<Optional<String>> changed = new CopyOnWriteArrayList<>();
        mongo.createCollection("labs");
        try (ChangeStreamFollower follower = ChangeStreamFollower.start(mongo, "labs", LONG_POLL, Duration.ofMillis(50),
                recordingInto(changed))) {
            awaitIdle(follower);
            int readsWhileIdle = reads("labs");

            mongo.insert(new Document("_id", "course-1"), "courses");
            mongo.updateFirst(Query.query(Criteria.where("_id").is("course-1")), Update.update("title", "Networks"),
                    "courses");

            // a wrong wake-up would read within milliseconds; the poll is 30 s away
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> reads("labs") == readsWhileIdle);
            assertThat(idle(follower)).isTrue();
            assertThat(changed).isEmpty();
        }
    }

    @Test
    void a_closed_follower_is_no_longer_registered_for_wake_ups() throws Exception {
        mongo.createCollection("labs");
        ChangeStreamFollower follower = ChangeStreamFollower.start(mongo, "labs", LONG_POLL, Duration.ofMillis(50),
                recordingInto(new CopyOnWriteArrayList<>()));
        assertThat(LocalWrites.waitingFor("follower-test", "labs")).isEqualTo(1);

        follower.close();

        assertThat(LocalWrites.waitingFor("follower-test", "labs")).isZero();
    }

    /**
     * Waits until the follower parks between reads: its stream is open then (it opens from "now", later on a loaded
     * machine), so every write from here on is a change it will see.
     */
    private static void awaitIdle(ChangeStreamFollower follower) {
        await().atMost(Duration.ofSeconds(30)).until(() -> idle(follower));
    }

    /** Whether the follower's thread is parked between reads (it parks with itself as the blocker only there). */
    private static boolean idle(ChangeStreamFollower follower) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> LockSupport.getBlocker(thread) == follower);
    }

    private int reads(String collection) {
        return reads.computeIfAbsent(collection, name -> new AtomicInteger()).get();
    }

    private CommandListener readsCounter() {
        return new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("getMore")) {
                    reads.computeIfAbsent(event.getCommand().getString("collection").getValue(),
                            name -> new AtomicInteger()).incrementAndGet();
                }
            }
        };
    }

    private static ChangeStreamFollower.Handler recordingInto(List<Optional<String>> changed) {
        return new ChangeStreamFollower.Handler() {
            @Override
            public void changed(Optional<String> documentId) {
                changed.add(documentId);
            }

            @Override
            public void resumed() {
            }
        };
    }
}
