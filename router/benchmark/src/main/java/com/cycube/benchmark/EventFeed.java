package com.cycube.benchmark;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Appends generated events to the shared event log exactly as the producers' relays do ({@link EventLog#append}, from
 * {@value #APPENDERS} threads), in waves: a wave's events are appended, then the feed waits until the measured
 * consumer group has applied all of them (its backlog — what {@code cycube_events_backlog} reports — is empty) and
 * then until no group has anything pending, and compacts the log before the next wave.
 *
 * <p><b>Why waves and compaction.</b> The local stack's embedded store (mongo-java-server) keeps no secondary index:
 * every consumer's "what is pending for me" query scans and sorts the whole log, so a log of hundreds of thousands of
 * events would cost each poll seconds — the store's cost, not the consumers'. A real MongoDB answers it from the
 * {@code (pendingFor, occurredAt)} index. Removing the events every group is done with keeps the log (and so each
 * poll) small; nothing else is changed.
 */
final class EventFeed implements AutoCloseable {

    static final int APPENDERS = 4;
    private static final String EVENTS = "events";
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a wave may wait for every group (a failing event comes back after a backoff, up to minutes). */
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(2);

    private final MongoClient client;
    private final MongoTemplate store;
    private final EventLog log;
    /** The waves fed so far, per measured group. */
    final java.util.Map<String, Totals> totals = new java.util.LinkedHashMap<>();
    long parked;
    /** Events removed from the log once every group was done with them. */
    long removed;
    long unsettledWaves;

    /** Waves measured on one consumer group: events appended, seconds appending and until the group had applied them. */
    static final class Totals {
        final LongAdder events = new LongAdder();
        double appendSeconds;
        double appliedSeconds;
        int waves;
    }

    EventFeed(String mongoConnectionString) {
        this.client = MongoClients.create(mongoConnectionString);
        this.store = new MongoTemplate(client, "cycube-events");
        this.log = new EventLog(store, Clock.systemUTC());
    }

    /**
     * One wave: the events of {@code units} units of work ({@code events.apply(unit)}), appended from several
     * threads; returns once {@code measuredGroup} applied them (its backlog is empty, timed from the wave's first
     * append) and the log is compacted.
     */
    void wave(String measuredGroup, int units, IntFunction<List<DomainEvent>> events) throws Exception {
        Totals wave = totals.computeIfAbsent(measuredGroup, group -> new Totals());
        LongAdder appended = wave.events;
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(APPENDERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < APPENDERS; thread++) {
                running.add(threads.submit(() -> {
                    for (int unit = next.getAndIncrement(); unit < units; unit = next.getAndIncrement()) {
                        for (DomainEvent event : events.apply(unit)) {
                            log.append(event);
                            appended.increment();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        wave.appendSeconds += (System.nanoTime() - started) / 1e9;
        while (store.count(Query.query(Criteria.where("pendingFor").is(measuredGroup)
                .and("retryAt." + measuredGroup.replace('.', '_')).exists(false)), EVENTS) > 0) {
            Thread.sleep(POLL.toMillis());
        }
        wave.appliedSeconds += (System.nanoTime() - started) / 1e9;
        wave.waves++;
        if (!settle(SETTLE_LIMIT)) {
            unsettledWaves++;
        }
    }

    /**
     * Waits until no group has anything pending but events that failed and wait for a retry, removing the events every
     * group is done with (parked ones are counted first); false if some were still pending after {@code limit}.
     */
    boolean settle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            parked += store.count(Query.query(Criteria.where("pendingFor").size(0).and("deadFor").exists(true)), EVENTS);
            removed += store.remove(Query.query(Criteria.where("pendingFor").size(0)), EVENTS).getDeletedCount();
            if (store.count(Query.query(Criteria.where("retryAt").exists(false)), EVENTS) == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits until the log stays empty for longer than {@code relayInterval}: events that consumers produce in turn
     * (assessment's certificates) reach the log through their service's outbox relay after the consumer ran.
     */
    boolean finish(Duration relayInterval) throws InterruptedException {
        long before = -1;
        while (before != everAppended()) {
            before = everAppended();
            if (!settle(SETTLE_LIMIT)) {
                return false;
            }
            Thread.sleep(relayInterval.toMillis() + 1_000);
        }
        return true;
    }

    /** How many events were ever appended, by this feed or by anyone else (the log's count, plus those removed). */
    private long everAppended() {
        return removed + store.estimatedCount(EVENTS);
    }

    /** The events some group failed to apply and retries (or not yet gave up on): type, groups and last error. */
    List<String> failing() {
        return store.find(Query.query(Criteria.where("retryAt").exists(true)), org.bson.Document.class, EVENTS).stream()
                .map(event -> event.getString("type") + " " + event.get("orgId") + " pending for "
                        + event.get("pendingFor") + ": " + event.get("lastError"))
                .toList();
    }

    @Override
    public void close() {
        client.close();
    }
}
