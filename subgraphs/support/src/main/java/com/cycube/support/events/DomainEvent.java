package com.cycube.support.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;

/**
 * A fact one subgraph tells the others ("quiz passed", "cube completed", "lab running"): immutable, identified by
 * a globally unique id that consumers use to apply it at most once (docs/adr/0010, docs/events.md).
 *
 * @param eventId    unique id; a redelivered event keeps it
 * @param type       dotted name, owner first: {@code assessment.QuizPassed}
 * @param orgId      the organization the fact belongs to (consumers scope their effect to it); null for platform facts
 * @param source     the subgraph that produced it
 * @param occurredAt when the change was written
 * @param payload    the event's data (ids, values; never secrets or answer keys)
 */
public record DomainEvent(String eventId, String type, String orgId, String source, Instant occurredAt,
                          Document payload) {

    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        payload = payload == null ? new Document() : payload;
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    /**
     * A new event with a fresh id; {@code source} is filled in by the relay when left null. Ids are unique and, for
     * events made by one process within the same millisecond (several events of one write), increase in creation
     * order — the log orders events by {@code occurredAt}, then id.
     */
    public static DomainEvent of(String type, String orgId, Instant occurredAt, Map<String, ?> payload) {
        String id = String.format("%012x-%012x-%s", occurredAt.toEpochMilli(), SEQUENCE.incrementAndGet(),
                UUID.randomUUID().toString().substring(0, 8));
        return new DomainEvent(id, type, orgId, null, occurredAt, new Document(payload));
    }

    /** The payload's string value, or null. */
    public String string(String key) {
        Object value = payload.get(key);
        return value == null ? null : value.toString();
    }

    Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("orgId", orgId)
                .append("source", source).append("occurredAt", java.util.Date.from(occurredAt))
                .append("payload", payload);
    }

    static DomainEvent fromDocument(Document document) {
        Object at = document.get("occurredAt");
        Instant occurredAt = at instanceof java.util.Date date ? date.toInstant() : Instant.parse(String.valueOf(at));
        Object id = document.containsKey("eventId") ? document.get("eventId") : document.get("_id");
        Document payload = document.get("payload") instanceof Document p ? p : new Document();
        return new DomainEvent(String.valueOf(id), document.getString("type"), document.getString("orgId"),
                document.getString("source"), occurredAt, payload);
    }
}
