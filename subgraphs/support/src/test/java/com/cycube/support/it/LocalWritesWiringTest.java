package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.support.changes.LocalWrites;
import com.mongodb.client.MongoClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every MongoDB client of a subgraph reports its successful writes, so the change-stream followers of the written
 * collection (live feeds, event consumers) read at once instead of at their next poll.
 */
@SupportIntegrationTest
class LocalWritesWiringTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient client;

    @Test
    void a_write_through_the_applications_template_wakes_the_followers_of_its_collection() {
        AtomicInteger wakeUps = new AtomicInteger();
        try (LocalWrites.Registration follower = LocalWrites.onWrite(mongo.getDb().getName(), "nudged", wakeUps::incrementAndGet)) {
            mongo.insert(new Document("_id", UUID.randomUUID().toString()), "nudged");

            assertThat(wakeUps).hasValue(1);
        }
    }

    @Test
    void a_write_to_any_collection_of_the_applications_database_tells_the_outbox_relay_which_collection() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        try (AutoCloseable relay = LocalWrites.onAnyWrite(mongo.getDb().getName(), written::add)) {
            mongo.insert(new Document("_id", UUID.randomUUID().toString()), "enrollments");
            new MongoTemplate(client, "another-database").insert(new Document("_id", UUID.randomUUID().toString()), "enrollments");

            assertThat(written).containsExactly("enrollments");
        }
    }

    @Test
    void a_write_to_the_shared_event_log_wakes_this_applications_event_consumers() {
        AtomicInteger wakeUps = new AtomicInteger();
        MongoTemplate events = new MongoTemplate(client, "cycube-events"); // as the event log reaches it
        try (LocalWrites.Registration follower = LocalWrites.onWrite(events.getDb().getName(), "nudged", wakeUps::incrementAndGet)) {
            events.insert(new Document("_id", UUID.randomUUID().toString()), "nudged");

            assertThat(wakeUps).hasValue(1);
        }
    }
}
