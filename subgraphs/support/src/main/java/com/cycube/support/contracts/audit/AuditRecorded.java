package com.cycube.support.contracts.audit;

import com.cycube.support.audit.AuditRecord;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One audit record ({@link AuditRecord}) on its way to the audit subgraph's hash chain: every subgraph's
 * {@code AuditLog} writes it to its own outbox, so it is delivered at least once, and the event id (kept on
 * redelivery) lets the audit subgraph store it exactly once. The event's {@code orgId} is the record's organization
 * (null for root's and anonymous callers' records). Carries ids, codes and safe values only: never variables, free
 * text, secrets, answers or flags. {@code reason} (a {@code RefusalReason} name, null unless refused as a whole) was
 * added in 2026-12: events written before it have none.
 */
@EventType("audit.Recorded")
public record AuditRecorded(Instant time, String service, String actor, String actorKind, String actorName,
                            String organizationId, String action, String resourceType, String resourceId,
                            String resource, String outcome, String errorCode, String requestId, String traceParent,
                            String clientIp, List<Change> changes, String detail, String reason)
        implements EventPayload {

    /** One safe value the action set ({@link AuditRecord.Change}). */
    public record Change(String field, String value) {
    }

    public AuditRecorded {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        changes = changes == null ? List.of() : changes;
    }

    /** The event payload of {@code record}. */
    public static AuditRecorded of(AuditRecord record) {
        return new AuditRecorded(record.time(), record.service(), record.actor(), record.actorKind(),
                record.actorName(), record.organizationId(), record.action(), record.resourceType(),
                record.resourceId(), record.resource(), record.outcome().name(), record.errorCode(),
                record.requestId(), record.traceParent(), record.clientIp(),
                record.changes().stream().map(change -> new Change(change.field(), change.value())).toList(),
                record.detail(), record.reason());
    }
}
