package com.cycube.support.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A follower tells its handler which document changed, and times each change from commit to arrival. */
class ChangeStreamFollowerTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    /** Stands in for the Prometheus registry Spring Boot adds to the global one. */
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void startStore() {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog();
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
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
}
