package com.cycube.support.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionDescription;
import com.mongodb.connection.ServerId;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Which commands wake the followers of which collection: successful writes to it, nothing else. */
class LocalWritesListenerTest {

    private static final ConnectionDescription CONNECTION =
            new ConnectionDescription(new ServerId(new ClusterId(), new ServerAddress()));
    private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

    private final LocalWritesListener listener = new LocalWritesListener();
    private final List<LocalWrites.Registration> registrations = new ArrayList<>();

    @AfterEach
    void unregister() {
        registrations.forEach(LocalWrites.Registration::close);
    }

    @Test
    void every_kind_of_write_through_the_template_wakes_the_followers_of_its_collection_and_reads_do_not() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.bind().getPort()))
                .addCommandListener(listener)
                .build())) {
            MongoTemplate mongo = new MongoTemplate(client, "listener-test");
            AtomicInteger labs = wakeUps("listener-test", "labs");
            AtomicInteger courses = wakeUps("listener-test", "courses");
            Query first = Query.query(Criteria.where("_id").is("lab-1"));

            mongo.insert(new Document("_id", "lab-1").append("state", "STARTING"), "labs");
            assertThat(labs).as("insert").hasValue(1);
            mongo.updateFirst(first, Update.update("state", "RUNNING"), "labs");
            assertThat(labs).as("update").hasValue(2);
            mongo.findAndModify(first, Update.update("state", "STOPPING"), FindAndModifyOptions.options().returnNew(true),
                    Document.class, "labs");
            assertThat(labs).as("findAndModify").hasValue(3);
            mongo.remove(first, "labs");
            assertThat(labs).as("delete").hasValue(4);

            mongo.find(new Query(), Document.class, "labs");
            mongo.count(new Query(), "labs");
            assertThat(labs).as("reads").hasValue(4);
            assertThat(courses).as("another collection").hasValue(0);
            assertThat(listener.inFlight()).isZero();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void a_write_wakes_only_once_it_succeeded() {
        AtomicInteger labs = wakeUps("cycube-labs", "labs");
        int requestId = REQUEST_IDS.incrementAndGet();

        listener.commandStarted(started(requestId, "cycube-labs", "insert", "{insert: 'labs', documents: [{_id: 'lab-1'}]}"));
        assertThat(labs).hasValue(0);

        listener.commandSucceeded(succeeded(requestId, "cycube-labs", "insert"));
        assertThat(labs).hasValue(1);
    }

    @Test
    void a_failed_write_wakes_nobody_and_is_forgotten() {
        AtomicInteger labs = wakeUps("cycube-labs", "labs");
        int requestId = REQUEST_IDS.incrementAndGet();

        listener.commandStarted(started(requestId, "cycube-labs", "update", "{update: 'labs', updates: []}"));
        listener.commandFailed(new CommandFailedEvent(null, 1, requestId, CONNECTION, "cycube-labs", "update", 1,
                new MongoException("not primary")));

        assertThat(labs).hasValue(0);
        assertThat(listener.inFlight()).isZero();
    }

    @Test
    void a_write_to_the_same_collection_name_in_another_database_wakes_nobody_here() {
        AtomicInteger labs = wakeUps("cycube-labs", "labs");
        int requestId = REQUEST_IDS.incrementAndGet();

        listener.commandStarted(started(requestId, "cycube-training", "insert", "{insert: 'labs', documents: []}"));
        listener.commandSucceeded(succeeded(requestId, "cycube-training", "insert"));

        assertThat(labs).hasValue(0);
    }

    @Test
    void a_bulk_write_across_collections_wakes_the_followers_of_each() {
        AtomicInteger labs = wakeUps("cycube-labs", "labs");
        AtomicInteger events = wakeUps("cycube-events", "events");
        int requestId = REQUEST_IDS.incrementAndGet();

        listener.commandStarted(started(requestId, "admin", "bulkWrite",
                "{bulkWrite: 1, ops: [], nsInfo: [{ns: 'cycube-labs.labs'}, {ns: 'cycube-events.events'}]}"));
        listener.commandSucceeded(succeeded(requestId, "admin", "bulkWrite"));

        assertThat(labs).hasValue(1);
        assertThat(events).hasValue(1);
    }

    @Test
    void reads_are_not_kept_while_in_flight() {
        listener.commandStarted(started(REQUEST_IDS.incrementAndGet(), "cycube-labs", "find", "{find: 'labs'}"));
        listener.commandStarted(started(REQUEST_IDS.incrementAndGet(), "cycube-labs", "aggregate",
                "{aggregate: 'labs', pipeline: []}"));

        assertThat(listener.inFlight()).isZero();
    }

    @Test
    void writes_whose_end_is_never_reported_cannot_grow_the_listener_without_bound() {
        for (int i = 0; i < 3 * LocalWritesListener.MAX_IN_FLIGHT; i++) {
            listener.commandStarted(started(REQUEST_IDS.incrementAndGet(), "cycube-labs", "insert",
                    "{insert: 'labs', documents: []}"));
        }

        assertThat(listener.inFlight()).isLessThanOrEqualTo(LocalWritesListener.MAX_IN_FLIGHT);
    }

    private AtomicInteger wakeUps(String database, String collection) {
        AtomicInteger count = new AtomicInteger();
        registrations.add(LocalWrites.onWrite(database, collection, count::incrementAndGet));
        return count;
    }

    private static CommandStartedEvent started(int requestId, String database, String command, String body) {
        return new CommandStartedEvent(null, 1, requestId, CONNECTION, database, command, BsonDocument.parse(body));
    }

    private static CommandSucceededEvent succeeded(int requestId, String database, String command) {
        return new CommandSucceededEvent(null, 1, requestId, CONNECTION, database, command,
                BsonDocument.parse("{ok: 1, n: 1}"), 1);
    }
}
