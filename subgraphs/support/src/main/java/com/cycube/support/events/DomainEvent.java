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
 * @param traceParent the W3C {@code traceparent} of the request that caused the event (null outside a trace): the relay
 *                    and every consumer continue that trace ({@link EventTracing})
 */
public record DomainEvent(String eventId, String type, String orgId, String source, Instant occurredAt,
                          Document payload, String traceParent) {

    /** An event outside any trace. */
    public DomainEvent(String eventId, String type, String orgId, String source, Instant occurredAt, Document payload) {
        this(eventId, type, orgId, source, occurredAt, payload, null);
    }

    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        payload = payload == null ? new Document() : payload;
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The one way to create an event: {@code DomainEvent.of(orgId, now, new QuizPassed(...))}. The type comes from
     * the payload record's {@link EventType}; the id is fresh and time-ordered (see {@link #newId}); {@code source}
     * is filled in by the relay.
     */
    public static <P extends Record & EventPayload> DomainEvent of(String orgId, Instant occurredAt, P payload) {
        @SuppressWarnings("unchecked")
        Class<? extends EventPayload> payloadType = (Class<? extends EventPayload>) payload.getClass();
        return new DomainEvent(newId(occurredAt), EventPayload.typeOf(payloadType), orgId, null, occurredAt,
                PayloadCodec.write(payload), EventTracing.currentTraceParent());
    }

    /** An event with an untyped payload: only for the library's own tests of the mechanism. */
    static DomainEvent untyped(String type, String orgId, Instant occurredAt, Map<String, ?> payload) {
        return new DomainEvent(newId(occurredAt), type, orgId, null, occurredAt, new Document(payload));
    }

    /**
     * Ids are unique and, for events made by one process within the same millisecond (several events of one write),
     * increase in creation order — the log orders events by {@code occurredAt}, then id.
     */
    private static String newId(Instant occurredAt) {
        return String.format("%012x-%012x-%s", occurredAt.toEpochMilli(), SEQUENCE.incrementAndGet(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * The organization the fact belongs to, for a consumer whose effect must belong to one: an event of a
     * tenant's fact without it is malformed, so it is refused (retried, then parked) instead of applied to nobody.
     */
    public String requireOrgId() {
        if (orgId == null) {
            throw new IllegalArgumentException("Event " + eventId + " (" + type + ") names no organization");
        }
        return orgId;
    }

    /** Whether this event is of the type {@code payloadType} stands for. */
    public boolean is(Class<? extends EventPayload> payloadType) {
        return type.equals(EventPayload.typeOf(payloadType));
    }

    /**
     * The payload read as its contract record — the one way consumers read an event. Refuses an event of another
     * type; a payload that does not fit the contract throws, so the event is retried and eventually parked instead
     * of being applied half-read.
     */
    public <P extends Record & EventPayload> P payloadAs(Class<P> payloadType) {
        if (!is(payloadType)) {
            throw new IllegalArgumentException("Event " + eventId + " is a " + type + ", not a "
                    + EventPayload.typeOf(payloadType));
        }
        return PayloadCodec.read(payload, payloadType);
    }

    Document toDocument() {
        return new Document("eventId", eventId).append("type", type).append("orgId", orgId)
                .append("source", source).append("occurredAt", java.util.Date.from(occurredAt))
                .append("payload", payload).append("traceParent", traceParent);
    }

    static DomainEvent fromDocument(Document document) {
        Object at = document.get("occurredAt");
        Instant occurredAt = at instanceof java.util.Date date ? date.toInstant() : Instant.parse(String.valueOf(at));
        Object id = document.containsKey("eventId") ? document.get("eventId") : document.get("_id");
        Document payload = document.get("payload") instanceof Document p ? p : new Document();
        return new DomainEvent(String.valueOf(id), document.getString("type"), document.getString("orgId"),
                document.getString("source"), occurredAt, payload, document.getString("traceParent"));
    }
}
