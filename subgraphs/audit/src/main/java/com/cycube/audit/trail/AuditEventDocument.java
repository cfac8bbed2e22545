package com.cycube.audit.trail;

import com.cycube.support.contracts.audit.AuditRecorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * One stored audit record, a link of its organization's chain: {@code seq} 1, 2, 3… per {@code chain}, {@code prevHash}
 * the hash of the record before it (of {@link ChainHash#GENESIS} for the first), {@code hash} the SHA-256 of its
 * canonical form ({@link ChainHash}). Written once, never updated; deleted only by retention pruning.
 *
 * @param id         the {@code audit.Recorded} event's id: one record per event, however often it is delivered
 * @param chain      the organization's id, or {@link #PLATFORM_CHAIN} for records of no organization (root, anonymous)
 * @param recordedAt when the audit subgraph appended it (the window of {@code verifyAuditTrail})
 * @param reason     why a refusal happened, as a code ({@code ACCOUNT_DEACTIVATED}, support's {@code RefusalReason});
 *                   null for anything else and for records stored before reasons were carried (ChainHash: version 2
 *                   of the canonical form holds it)
 */
public record AuditEventDocument(@Id String id, String chain, long seq, String prevHash, String hash, Instant time,
                                 Instant recordedAt, String service, String actor, String actorKind, String actorName,
                                 String organizationId, String action, String resourceType, String resourceId,
                                 String resource, String outcome, String errorCode, String requestId,
                                 String traceParent, String clientIp, List<Change> changes, String detail,
                                 String reason) {

    public static final String COLLECTION = "audit_events";
    /** The chain of records that belong to no organization. */
    public static final String PLATFORM_CHAIN = "_platform";

    /** A safe value the action set. */
    public record Change(String field, String value) {
    }

    public AuditEventDocument {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The chain records of {@code organizationId} belong to. */
    public static String chainOf(String organizationId) {
        return organizationId == null || organizationId.isBlank() ? PLATFORM_CHAIN : organizationId;
    }

    /**
     * The record an event carries, not yet linked (seq 0, no hashes). Times are cut to milliseconds, as stored, so
     * the hash computed now is the hash of what is read back.
     */
    public static AuditEventDocument unchained(String eventId, AuditRecorded record, Instant recordedAt) {
        return new AuditEventDocument(eventId, chainOf(record.organizationId()), 0, null, null,
                record.time().truncatedTo(ChronoUnit.MILLIS), recordedAt.truncatedTo(ChronoUnit.MILLIS),
                record.service(), record.actor(), record.actorKind(), record.actorName(), record.organizationId(),
                record.action(), record.resourceType(), record.resourceId(), record.resource(), record.outcome(),
                record.errorCode(), record.requestId(), record.traceParent(), record.clientIp(),
                record.changes().stream().map(change -> new Change(change.field(), change.value())).toList(),
                record.detail(), record.reason());
    }

    /** This record as link {@code seq} after a record hashed {@code prevHash}, with its own hash. */
    public AuditEventDocument chained(long seq, String prevHash) {
        AuditEventDocument linked = withLink(seq, prevHash, null);
        return linked.withLink(seq, prevHash, ChainHash.of(linked));
    }

    /** This record as if it stood at {@code seq} after a record hashed {@code prevHash}, with {@code hash}. */
    AuditEventDocument withLink(long seq, String prevHash, String hash) {
        return new AuditEventDocument(id, chain, seq, prevHash, hash, time, recordedAt, service, actor, actorKind,
                actorName, organizationId, action, resourceType, resourceId, resource, outcome, errorCode, requestId,
                traceParent, clientIp, changes, detail, reason);
    }
}
