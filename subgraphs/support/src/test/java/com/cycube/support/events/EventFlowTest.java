package com.cycube.support.events;

import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.testclient.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.support.changes.LocalWritesListener;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The guarantees of docs/events.md on the embedded store: durable before delivery, delivered at least once,
 * applied exactly once, resumed after a consumer was down.
 */
class EventFlowTest {

    private static final String ORG = "org-acme";

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate producerDb;
    private MongoTemplate consumerDb;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private EventLog eventLog;
    private OutboxRelay relay;

    @BeforeEach
    void startStore() {
        MemoryBackend backend = new MemoryBackend();
        backend.enableOplog();
        server = new MongoServer(backend);
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        producerDb = new MongoTemplate(client, "producer");
        consumerDb = new MongoTemplate(client, "consumer");
        eventLog = new EventLog(new MongoTemplate(client, "cycube-events"), clock);
        relay = new OutboxRelay(producerDb, eventLog, "producer", 100);
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    /** Counts quiz passes per user, idempotently — the shape of a real consumer. */
    private final class PassCounter implements EventHandler {
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failWith;

        @Override
        public String group() {
            return "test.pass-counter";
        }

        @Override
        public Set<String> eventTypes() {
            return EventPayload.typesOf(QuizPassed.class);
        }

        @Override
        public void handle(DomainEvent event) {
            calls.incrementAndGet();
            if (failWith != null) {
                throw failWith;
            }
            Idempotent.applyOnce(consumerDb, "passes",
                    Query.query(Criteria.where("_id").is(event.payloadAs(QuizPassed.class).userId()).and("organizationId").is(event.orgId())),
                    new Update().inc("count", 1).setOnInsert("organizationId", event.orgId()),
                    event.eventId(), true);
        }
    }

    private EventsProperties properties() {
        return new EventsProperties(true, "cycube-events", false, Duration.ofMillis(50), Duration.ofMillis(200),
                true, 100, 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** A submission that passes a quiz: the change and its event in one insert. */
    private String recordPass(String userId) {
        DomainEvent event = DomainEvent.of(ORG, clock.instant(), new QuizPassed(userId, "cube-1", 90, 9, 10));
        Outbox.insert(producerDb, new Document("_id", event.eventId()).append("userId", userId).append("passed", true),
                "results", event);
        return event.eventId();
    }

    private int passesOf(String userId) {
        Document counter = consumerDb.findById(userId, Document.class, "passes");
        return counter == null ? 0 : counter.getInteger("count");
    }

    @Test
    void an_event_stored_with_its_change_reaches_a_subscribed_consumer_once() {
        PassCounter counter = new PassCounter();
        EventProcessing processing = new EventProcessing(eventLog, relay,
                List.of(new EventDelivery(eventLog, counter, properties())), properties(), "consumer");

        recordPass("u1");
        processing.drain();

        assertThat(passesOf("u1")).isEqualTo(1);
        assertThat(eventLog.ofType("assessment.QuizPassed")).singleElement()
                .satisfies(event -> assertThat(event.source()).isEqualTo("producer"));
        assertThat(producerDb.findAll(Document.class, "results")).allSatisfy(
                result -> assertThat(result.getList(Outbox.FIELD, Object.class)).isEmpty());
        assertThat(eventLog.backlog(counter.group())).isZero();
    }

    @Test
    void an_event_this_application_writes_is_relayed_at_once_not_at_the_next_scan_of_every_collection() throws Exception {
        // the application's client reports its writes (as every subgraph's does); the scan of every collection is a minute away
        try (MongoClient reporting = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new LocalWritesListener()).build())) {
            MongoTemplate producer = new MongoTemplate(reporting, "producer-reporting");
            EventsProperties scanEveryMinute = new EventsProperties(true, "cycube-events", true, Duration.ofMinutes(1),
                    Duration.ofMinutes(1), false, 100, 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
            EventProcessing processing = new EventProcessing(eventLog, new OutboxRelay(producer, eventLog, "producer", 100),
                    List.of(), scanEveryMinute, "producer");
            processing.start();
            try {
                Thread.sleep(500); // the relay's first scan at start is over: from now on only a write wakes it
                DomainEvent event = DomainEvent.of(ORG, clock.instant(), new QuizPassed("u9", "cube-1", 90, 9, 10));
                Outbox.insert(producer, new Document("_id", event.eventId()).append("userId", "u9"), "results", event);

                await().atMost(Duration.ofSeconds(10))
                        .until(() -> eventLog.ofType("assessment.QuizPassed").size() == 1);
                assertThat(producer.findAll(Document.class, "results")).allSatisfy(
                        result -> assertThat(result.getList(Outbox.FIELD, Object.class)).isEmpty());
            } finally {
                processing.stop();
            }
        }
    }

    @Test
    void a_consumer_that_was_down_gets_every_event_produced_meanwhile_exactly_once() {
        PassCounter counter = new PassCounter();
        new EventProcessing(eventLog, relay, List.of(new EventDelivery(eventLog, counter, properties())),
                properties(), "consumer").stop(); // subscribed, then went down

        for (int i = 0; i < 40; i++) {
            recordPass("u" + (i % 4));
        }
        relay.relayPending();
        assertThat(eventLog.backlog(counter.group())).isEqualTo(40);
        assertThat(passesOf("u0")).isZero();

        PassCounter restarted = new PassCounter();
        new EventProcessing(eventLog, relay, List.of(new EventDelivery(eventLog, restarted, properties())),
                properties(), "consumer").drain();

        assertThat(List.of(passesOf("u0"), passesOf("u1"), passesOf("u2"), passesOf("u3")))
                .containsExactly(10, 10, 10, 10);
        assertThat(eventLog.backlog(counter.group())).isZero();
    }

    @Test
    void one_organizations_burst_does_not_hold_back_another_organizations_event_and_each_keeps_its_order() {
        List<String> handled = new ArrayList<>();
        EventHandler recorder = new EventHandler() {
            @Override
            public String group() {
                return "recorder";
            }

            @Override
            public Set<String> eventTypes() {
                return EventPayload.typesOf(QuizPassed.class);
            }

            @Override
            public void handle(DomainEvent event) {
                handled.add(event.orgId() + ":" + event.payloadAs(QuizPassed.class).score());
            }
        };
        EventDelivery delivery = new EventDelivery(eventLog, recorder, properties()); // batches of 100
        eventLog.subscribe(recorder.group(), recorder.eventTypes(), "consumer");
        for (int i = 0; i < 300; i++) { // an organization-wide assignment: one event per member
            clock.advance(Duration.ofMillis(1));
            eventLog.append(DomainEvent.of(ORG, clock.instant(), new QuizPassed("u" + i, "cube-1", i, 1, 1)));
        }
        clock.advance(Duration.ofMillis(1));
        eventLog.append(DomainEvent.of("org-globex", clock.instant(), new QuizPassed("g1", "cube-1", 0, 1, 1)));

        delivery.deliverPending();

        assertThat(handled).as("the other organization's event in the first pass, not after 300").contains("org-globex:0");
        while (delivery.deliverPending() > 0) {
            // the rest of the burst
        }
        List<String> burst = handled.stream().filter(entry -> entry.startsWith(ORG)).toList();
        assertThat(burst).hasSize(300);
        assertThat(burst).isEqualTo(java.util.stream.IntStream.range(0, 300).mapToObj(i -> ORG + ":" + i).toList());
    }

    @Test
    void a_relay_that_crashed_after_appending_does_not_append_the_event_twice() {
        PassCounter counter = new PassCounter();
        EventProcessing processing = new EventProcessing(eventLog, relay,
                List.of(new EventDelivery(eventLog, counter, properties())), properties(), "consumer");
        String eventId = recordPass("u1");
        Document event = producerDb.findById(eventId, Document.class, "results").getList(Outbox.FIELD, Document.class).get(0);

        // the crash: appended, but the outbox entry was never removed
        eventLog.append(DomainEvent.fromDocument(event));
        processing.drain();

        assertThat(eventLog.ofType("assessment.QuizPassed")).hasSize(1);
        assertThat(passesOf("u1")).isEqualTo(1);
    }

    @Test
    void an_event_redelivered_after_a_lost_acknowledgement_changes_nothing() {
        PassCounter counter = new PassCounter();
        EventDelivery delivery = new EventDelivery(eventLog, counter, properties());
        new EventProcessing(eventLog, relay, List.of(delivery), properties(), "consumer");
        recordPass("u1");
        relay.relayPending();
        DomainEvent event = eventLog.ofType("assessment.QuizPassed").get(0);

        counter.handle(event); // applied, then the consumer died before acknowledging
        delivery.deliverPending(); // so the log delivers it again

        assertThat(counter.calls).hasValue(2);
        assertThat(passesOf("u1")).isEqualTo(1);
        assertThat(eventLog.backlog(counter.group())).isZero();
    }

    @Test
    void a_failing_consumer_gets_the_event_again_after_a_backoff_and_it_is_parked_after_the_last_attempt() {
        PassCounter counter = new PassCounter();
        EventDelivery delivery = new EventDelivery(eventLog, counter, properties());
        new EventProcessing(eventLog, relay, List.of(delivery), properties(), "consumer");
        recordPass("u1");
        relay.relayPending();
        counter.failWith = new IllegalStateException("database down");

        assertThat(delivery.deliverPending()).isEqualTo(1);
        assertThat(delivery.deliverPending()).as("not before the backoff").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(delivery.deliverPending()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(delivery.deliverPending()).isEqualTo(1); // third and last attempt (max-attempts 3)
        clock.advance(Duration.ofMinutes(10));
        assertThat(delivery.deliverPending()).as("parked").isZero();
        assertThat(eventLog.backlog(counter.group())).isZero();

        counter.failWith = null;
        eventLog.retryParked(counter.group(), eventLog.ofType("assessment.QuizPassed").get(0).eventId());
        delivery.deliverPending();
        assertThat(passesOf("u1")).isEqualTo(1);
    }

    @Test
    void two_instances_of_one_consumer_apply_each_event_once() throws Exception {
        PassCounter first = new PassCounter();
        PassCounter second = new PassCounter();
        EventDelivery one = new EventDelivery(eventLog, first, properties());
        EventDelivery two = new EventDelivery(eventLog, second, properties());
        new EventProcessing(eventLog, relay, List.of(one, two), properties(), "consumer");
        for (int i = 0; i < 30; i++) {
            recordPass("u1");
        }
        relay.relayPending();

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> { while (one.deliverPending() > 0) { } });
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> { while (two.deliverPending() > 0) { } });
        CompletableFuture.allOf(a, b).get();

        assertThat(passesOf("u1")).isEqualTo(30);
    }

    @Test
    void a_change_that_is_not_written_produces_no_event() {
        PassCounter counter = new PassCounter();
        EventProcessing processing = new EventProcessing(eventLog, relay,
                List.of(new EventDelivery(eventLog, counter, properties())), properties(), "consumer");
        producerDb.insert(new Document("_id", "result-1").append("passed", true), "results");

        // compare-and-set: "mark passed unless already passed" does not match, so its event is not stored either
        var result = producerDb.updateFirst(Query.query(Criteria.where("_id").is("result-1").and("passed").is(false)),
                Outbox.record(new Update().set("passed", true), DomainEvent.of(ORG, clock.instant(),
                        new QuizPassed("u1", "cube-1", 90, 9, 10))), "results");
        processing.drain();

        assertThat(result.getModifiedCount()).isZero();
        assertThat(eventLog.ofType("assessment.QuizPassed")).isEmpty();
        assertThat(counter.calls).hasValue(0);
    }

    @Test
    void a_consumer_that_subscribes_later_is_given_the_history_of_its_event_types_once() {
        recordPass("u1");
        relay.relayPending();
        PassCounter late = new PassCounter();
        EventProcessing processing = new EventProcessing(eventLog, relay,
                List.of(new EventDelivery(eventLog, late, properties())), properties(), "consumer");
        recordPass("u1");
        processing.drain();

        new EventProcessing(eventLog, relay, List.of(new EventDelivery(eventLog, late, properties())), properties(),
                "consumer").drain(); // the service restarts: subscribing again replays nothing twice

        assertThat(eventLog.ofType("assessment.QuizPassed")).hasSize(2);
        assertThat(passesOf("u1")).isEqualTo(2);
    }

    @Test
    void a_type_taken_out_of_a_subscription_and_added_back_does_not_bring_back_events_already_processed() {
        PassCounter counter = new PassCounter();
        EventProcessing processing = new EventProcessing(eventLog, relay,
                List.of(new EventDelivery(eventLog, counter, properties())), properties(), "consumer");
        recordPass("u1");
        processing.drain();
        // an older instance (rolling deploy) had narrowed the subscription; the current one adds the type back
        eventLog.template().updateFirst(Query.query(Criteria.where("_id").is(counter.group())),
                new Update().set("types", List.of()), "subscriptions");
        eventLog.subscribe(counter.group(), counter.eventTypes(), "consumer");
        processing.drain();

        assertThat(counter.calls).hasValue(1);
        assertThat(passesOf("u1")).isEqualTo(1);
    }

    @Test
    void a_group_that_subscribes_while_an_event_is_being_appended_still_gets_it() {
        PassCounter counter = new PassCounter();
        // the interleaving: the append reads the subscriptions (none yet), then the group subscribes and runs its
        // history backfill (the event is not stored yet, so the backfill misses it), then the event is inserted
        EventLog racing = new EventLog(eventLog.template(), clock) {
            private boolean subscribedMeanwhile;

            @Override
            List<String> subscribers(String type) {
                List<String> now = super.subscribers(type);
                if (!subscribedMeanwhile) {
                    subscribedMeanwhile = true;
                    eventLog.subscribe(counter.group(), counter.eventTypes(), "consumer");
                }
                return now;
            }
        };

        racing.append(DomainEvent.of(ORG, clock.instant(), new QuizPassed("u1", "cube-1", 90, 9, 10)));

        assertThat(eventLog.backlog(counter.group())).isEqualTo(1);
    }

    @Test
    void during_a_rolling_deploy_an_older_instance_leaves_a_newly_added_type_to_the_newer_one() {
        PassCounter older = new PassCounter(); // handles QuizPassed only
        AtomicInteger archivedHandled = new AtomicInteger();
        EventHandler newer = new EventHandler() {
            @Override
            public String group() {
                return older.group();
            }

            @Override
            public Set<String> eventTypes() {
                return Set.of("assessment.QuizPassed", "catalog.CourseArchived");
            }

            @Override
            public void handle(DomainEvent event) {
                archivedHandled.incrementAndGet();
            }
        };
        EventDelivery olderDelivery = new EventDelivery(eventLog, older, properties());
        EventDelivery newerDelivery = new EventDelivery(eventLog, newer, properties());
        new EventProcessing(eventLog, relay, List.of(olderDelivery), properties(), "consumer");
        new EventProcessing(eventLog, relay, List.of(newerDelivery), properties(), "consumer");
        eventLog.append(DomainEvent.of(ORG, clock.instant(), new CourseArchived("c1")));

        assertThat(olderDelivery.deliverPending()).isZero();
        assertThat(newerDelivery.deliverPending()).isEqualTo(1);
        assertThat(archivedHandled).hasValue(1);
    }

    @Test
    void running_in_the_background_events_arrive_without_anyone_asking() throws Exception {
        PassCounter counter = new PassCounter();
        EventsProperties background = new EventsProperties(true, "cycube-events", true, Duration.ofMillis(50),
                Duration.ofMillis(200), true, 100, 3, Duration.ofSeconds(1), Duration.ofSeconds(30));
        EventProcessing processing = new EventProcessing(eventLog, relay,
                List.of(new EventDelivery(eventLog, counter, background)), background, "consumer");
        processing.start();
        try {
            recordPass("u1");
            recordPass("u2");
            await("both passes delivered").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> passesOf("u1") >= 1 && passesOf("u2") >= 1);
        } finally {
            processing.stop();
        }
        assertThat(List.of(passesOf("u1"), passesOf("u2"))).containsExactly(1, 1);
    }
}
