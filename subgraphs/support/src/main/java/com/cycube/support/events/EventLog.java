package com.cycube.support.events;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The shared, durable event log every subgraph publishes to and consumes from (its own database, owned by no
 * subgraph). Each event is stored once under its id, with the consumer groups that still have to process it
 * ({@code pendingFor}), taken from the durable subscriptions at the moment it is appended: a consumer that is down
 * keeps its place; a consumer that subscribes later is given the history of its types when it subscribes.
 */
public class EventLog {

    static final String EVENTS = "events";
    static final String SUBSCRIPTIONS = "subscriptions";

    private final MongoTemplate log;
    private final Clock clock;

    public EventLog(MongoTemplate log, Clock clock) {
        this.log = log;
        this.clock = clock;
        log.getCollection(EVENTS).createIndex(Indexes.ascending("pendingFor", "occurredAt"));
        // a group's backlog of organizations other than the ones in its current batch (pending's fair share)
        log.getCollection(EVENTS).createIndex(Indexes.ascending("pendingFor", "orgId", "occurredAt"));
        log.getCollection(EVENTS).createIndex(Indexes.ascending("type", "occurredAt"));
    }

    /**
     * Registers a consumer group's durable subscription, or adds types to it (types are never removed here, so an
     * older instance starting during a rolling deploy cannot take back a type a newer one added). A group sees the
     * whole history of the types it subscribes to: events already in the log that it has not processed become
     * pending for it, so a read model built from events is complete however late its service first starts.
     * Together with the re-check in {@link #append}, an event appended while this runs reaches the group too.
     */
    public void subscribe(String group, Set<String> types, String service) {
        Document before = log.findById(group, Document.class, SUBSCRIPTIONS);
        List<String> known = before == null ? List.of() : before.getList("types", String.class, List.of());
        log.upsert(Query.query(Criteria.where("_id").is(group)),
                new Update().addToSet("types").each(types.toArray()).set("service", service)
                        .setOnInsert("subscribedAt", Date.from(clock.instant())),
                SUBSCRIPTIONS);
        List<String> added = types.stream().filter(type -> !known.contains(type)).toList();
        if (!added.isEmpty()) {
            log.updateMulti(Query.query(Criteria.where("type").in(added).and("pendingFor").ne(group)
                            .and("doneFor").ne(group).and("deadFor").ne(group)),
                    new Update().addToSet("pendingFor", group), EVENTS);
        }
    }

    /**
     * Appends an event for every group subscribed to its type. Appending an event that is already in the log (a
     * relay that crashed after appending and before clearing its outbox) changes nothing.
     *
     * @return true when the event is new to the log
     */
    public boolean append(DomainEvent event) {
        List<String> groups = subscribers(event.type());
        Document stored = event.toDocument();
        stored.remove("eventId");
        stored.append("_id", event.eventId()).append("publishedAt", Date.from(clock.instant()))
                .append("pendingFor", groups);
        try {
            log.insert(stored, EVENTS);
        } catch (DuplicateKeyException alreadyAppended) {
            return false;
        }
        // A group that subscribed between reading the subscriptions and the insert may have run its history
        // backfill before this event existed: look again, so it is not left out (a double add is absorbed by the
        // consumer's idempotency).
        List<String> late = subscribers(event.type()).stream().filter(group -> !groups.contains(group)).toList();
        if (!late.isEmpty()) {
            log.updateFirst(Query.query(Criteria.where("_id").is(event.eventId())),
                    new Update().addToSet("pendingFor").each(late.toArray()), EVENTS);
        }
        return true;
    }

    /** The groups subscribed to {@code type} now (an extension point only so tests can interleave a subscription). */
    List<String> subscribers(String type) {
        return log.find(Query.query(Criteria.where("types").is(type)), Document.class, SUBSCRIPTIONS).stream()
                .map(subscription -> subscription.getString("_id")).toList();
    }

    /**
     * The next events of {@code types} that {@code group} has to process and may process now (not waiting for a
     * retry), oldest first — and, when that batch is full (a backlog), also the oldest events of the organizations
     * that are not in it, first: one organization's burst (10,000 enrollments of an organization-wide assignment)
     * never holds back another organization's events until it is through. Order within an organization is kept;
     * across organizations deliveries were never ordered (docs/events.md).
     */
    List<DomainEvent> pending(String group, Set<String> types, int limit) {
        List<DomainEvent> oldest = find(due(group, types), limit);
        if (oldest.size() < limit) {
            return oldest;
        }
        List<String> inBatch = oldest.stream().map(DomainEvent::orgId).distinct().toList();
        Criteria others = due(group, types);
        others = new Criteria().andOperator(others, Criteria.where("orgId").nin(inBatch));
        List<DomainEvent> waiting = find(others, Math.max(1, limit / 2));
        if (waiting.isEmpty()) {
            return oldest;
        }
        List<DomainEvent> fair = new ArrayList<>(waiting);
        fair.addAll(oldest);
        return fair;
    }

    private Criteria due(String group, Set<String> types) {
        Date now = Date.from(clock.instant());
        String key = key(group);
        return new Criteria().andOperator(
                Criteria.where("pendingFor").is(group),
                Criteria.where("type").in(types),
                new Criteria().orOperator(Criteria.where("retryAt." + key).exists(false),
                        Criteria.where("retryAt." + key).lte(now)));
    }

    private List<DomainEvent> find(Criteria criteria, int limit) {
        Query query = Query.query(criteria).with(Sort.by("occurredAt", "_id")).limit(limit);
        return log.find(query, Document.class, EVENTS).stream().map(DomainEvent::fromDocument).toList();
    }

    /** {@code group} has applied the event. */
    void acknowledge(String group, String eventId) {
        String key = key(group);
        log.updateFirst(Query.query(Criteria.where("_id").is(eventId)),
                new Update().pull("pendingFor", group).addToSet("doneFor", group)
                        .unset("retryAt." + key).unset("attempts." + key),
                EVENTS);
    }

    /**
     * {@code group} failed to apply the event: it comes back after a backoff, or is parked after the last attempt.
     *
     * @return true when the event was parked
     */
    boolean failed(String group, String eventId, String error, int maxAttempts, Duration backoff, Duration maxBackoff) {
        String key = key(group);
        Query byId = Query.query(Criteria.where("_id").is(eventId));
        Document current = log.findOne(byId, Document.class, EVENTS);
        int attempts = 1 + (current != null && current.get("attempts") instanceof Document a
                ? a.getInteger(key, 0) : 0);
        Update update = new Update().set("attempts." + key, attempts).set("lastError." + key, error);
        boolean park = attempts >= maxAttempts;
        if (park) {
            update.pull("pendingFor", group).addToSet("deadFor", group).unset("retryAt." + key);
        } else {
            long delay = Math.min(maxBackoff.toMillis(), backoff.toMillis() << Math.min(attempts - 1, 20));
            update.set("retryAt." + key, Date.from(clock.instant().plusMillis(delay)));
        }
        log.updateFirst(byId, update, EVENTS);
        return park;
    }

    /** Makes a parked event pending again for {@code group} (operators, after fixing the cause). */
    public void retryParked(String group, String eventId) {
        String key = key(group);
        log.updateFirst(Query.query(Criteria.where("_id").is(eventId).and("deadFor").is(group)),
                new Update().pull("deadFor", group).addToSet("pendingFor", group).unset("attempts." + key),
                EVENTS);
    }

    /** How many events {@code group} still has to process (parked ones not counted). */
    public long backlog(String group) {
        return log.count(Query.query(Criteria.where("pendingFor").is(group)), EVENTS);
    }

    /** How many events {@code group} gave up on (parked until an operator retries them). */
    public long parked(String group) {
        return log.count(Query.query(Criteria.where("deadFor").is(group)), EVENTS);
    }

    /** The events of one type, oldest first (for tests and operators). */
    public List<DomainEvent> ofType(String type) {
        return log.find(Query.query(Criteria.where("type").is(type)).with(Sort.by("occurredAt", "_id")),
                Document.class, EVENTS).stream().map(DomainEvent::fromDocument).toList();
    }

    MongoTemplate template() {
        return log;
    }

    Instant now() {
        return clock.instant();
    }

    /** Group names may contain dots; as keys of a sub-document they must not. */
    private static String key(String group) {
        return group.replace('.', '_');
    }

    static void indexOutbox(MongoTemplate mongo, String collection) {
        mongo.getCollection(collection).createIndex(Indexes.ascending(Outbox.FIELD + ".eventId"),
                new IndexOptions().sparse(true).name("outbox"));
    }
}
