package com.cycube.support.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves events from this service's outbox ({@value Outbox#FIELD} inside any document of its database) to the
 * {@link EventLog}: append first, then remove from the document. A crash in between appends the same event again
 * on the next pass, which the log ignores — so every written event reaches the log exactly once, and none before
 * the write that produced it is stored. Several instances may relay at the same time for the same reason.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventLog eventLog;
    private final String source;
    private final int batchSize;
    private final Set<String> indexed = new HashSet<>();
    private final EventsMetrics metrics;
    /** Age of the oldest event found in the outboxes by the current (or last) pass: grows while events are stuck. */
    private volatile double oldestPendingSeconds;

    public OutboxRelay(MongoTemplate mongo, EventLog eventLog, String source, int batchSize) {
        this(mongo, eventLog, source, batchSize, EventsMetrics.NONE);
    }

    public OutboxRelay(MongoTemplate mongo, EventLog eventLog, String source, int batchSize, EventsMetrics metrics) {
        this.metrics = metrics;
        this.mongo = mongo;
        this.eventLog = eventLog;
        this.source = source;
        this.batchSize = batchSize;
    }

    /** One pass over every collection; returns how many events were relayed (appended or found already there). */
    public int relayPending() {
        oldestPendingSeconds = 0;
        return relayPending(mongo.getCollectionNames());
    }

    /**
     * A pass over the named collections only (those this application just wrote to: {@link #database()}); returns
     * how many events were relayed.
     */
    public int relayPending(Iterable<String> collections) {
        int relayed = 0;
        for (String collection : collections) {
            if (collection.startsWith("system.")) {
                continue;
            }
            ensureIndexed(collection);
            relayed += relay(collection);
        }
        return relayed;
    }

    /** The database whose documents carry this service's outbox. */
    public String database() {
        return mongo.getDb().getName();
    }

    private int relay(String collection) {
        Query withEvents = Query.query(Criteria.where(Outbox.FIELD + ".eventId").exists(true)).limit(batchSize);
        withEvents.fields().include(Outbox.FIELD);
        int relayed = 0;
        for (Document document : mongo.find(withEvents, Document.class, collection)) {
            List<String> ids = new ArrayList<>();
            for (Object pending : document.getList(Outbox.FIELD, Object.class, List.of())) {
                if (!(pending instanceof Document stored)) {
                    continue;
                }
                DomainEvent event = DomainEvent.fromDocument(stored);
                oldestPendingSeconds = Math.max(oldestPendingSeconds,
                        Math.max(0, Duration.between(event.occurredAt(), Instant.now()).toMillis() / 1000.0));
                if (event.source() == null) {
                    event = new DomainEvent(event.eventId(), event.type(), event.orgId(), source, event.occurredAt(),
                            event.payload(), event.traceParent());
                }
                DomainEvent toAppend = event;
                EventTracing.inSpan("relay " + event.type(), event, () -> eventLog.append(toAppend));
                metrics.relayed(event);
                ids.add(event.eventId());
            }
            if (!ids.isEmpty()) {
                mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                        new Update().pull(Outbox.FIELD, Query.query(Criteria.where("eventId").in(ids))),
                        collection);
                relayed += ids.size();
            }
        }
        return relayed;
    }

    /** {@code cycube_outbox_oldest_seconds}: how old the oldest event still in an outbox was when last seen. */
    public double oldestPendingSeconds() {
        return oldestPendingSeconds;
    }

    private void ensureIndexed(String collection) {
        if (indexed.add(collection)) {
            try {
                EventLog.indexOutbox(mongo, collection);
            } catch (RuntimeException notIndexable) {
                log.debug("No outbox index on {}: {}", collection, notIndexable.toString());
            }
        }
    }
}
