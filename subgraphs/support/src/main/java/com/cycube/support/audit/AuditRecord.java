package com.cycube.support.audit;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.RefusalReason;
import java.time.Instant;
import java.util.List;

/**
 * One audited fact: who did what to which resource, in which organization, with what outcome. {@link AuditLog} writes
 * it as a log line and, durably, as an {@code audit.Recorded} event for the audit subgraph's hash chain (ADR 22).
 *
 * @param actor        the caller's subject (a person's user id, an integration client's service account); null when
 *                     no valid token was presented
 * @param actorKind    {@code PERSON}, {@code INTEGRATION} or {@code ANONYMOUS}
 * @param actorName    the integration client's id ({@code azp}) for integration callers; null for people
 *                     (their subject identifies them; names are personal data the log does not need)
 * @param action       what was attempted: {@code mutation.changeMemberRole}, {@code query.adminReport} (denied),
 *                     {@code read.auditEvents} (a sensitive read), {@code http.POST /graphql},
 *                     {@code websocket.connection_init}, {@code auth.login.failure}
 * @param resource     which object(s) the mutation acted on, e.g. {@code teamId=team-a parentId=team-b}
 *                     or {@code id=course-x}: only id values, never other input values
 * @param resourceType the kind of the main resource ({@code User}, {@code Team}), when it can be told; null otherwise
 * @param resourceId   the id of the main resource (the first id of {@code resource}); null when none
 * @param changes      what the mutation set, where that is safe to keep: only enum, boolean and whole-number input
 *                     values (a role, an active flag, a seat limit) — never text, which may be a secret, an answer or
 *                     a flag; empty when nothing such was sent
 * @param detail       why a request was refused (the message the client got), for denials; null otherwise
 * @param reason       why a request, operation or connection was refused as a whole, for machines: a
 *                     {@link RefusalReason} name ({@code ACCOUNT_DEACTIVATED}, {@code INVALID_TOKEN}, ...); null
 *                     otherwise. What the audit subgraph makes of a refusal (alerts) reads this, never {@code detail}
 */
public record AuditRecord(
        Instant time,
        String service,
        String actor,
        String actorKind,
        String actorName,
        String organizationId,
        String action,
        String resource,
        Outcome outcome,
        String errorCode,
        String requestId,
        String traceParent,
        String clientIp,
        String resourceType,
        String resourceId,
        List<Change> changes,
        String detail,
        String reason) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }

    /** One safe value a mutation set: the input field's name and the value as text. */
    public record Change(String field, String value) {
    }

    public AuditRecord {
        changes = changes == null ? List.of() : List.copyOf(changes);
        detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
    }

    /** The longest {@code detail} kept. */
    public static final int MAX_DETAIL = 200;

    /** A record without resource, resource type and id, changes or detail: a request refused before it was read. */
    public static AuditRecord refusedRequest(Instant time, String service, String action, String errorCode,
                                             RefusalReason reason, String requestId, String traceParent,
                                             String clientIp) {
        return new AuditRecord(time, service, null, "ANONYMOUS", null, null, action, null, Outcome.DENIED, errorCode,
                requestId, traceParent, clientIp, null, null, List.of(), null, reason == null ? null : reason.name());
    }

    /** A record of what {@code request}'s caller did. */
    public static AuditRecord of(Instant time, String service, RequestContext request, String action, Target target,
                                 Outcome outcome, String errorCode, String detail) {
        return of(time, service, request, action, target, outcome, errorCode, detail, null);
    }

    /** A record of what {@code request}'s caller did, refused for {@code reason} (null: not refused as a whole). */
    public static AuditRecord of(Instant time, String service, RequestContext request, String action, Target target,
                                 Outcome outcome, String errorCode, String detail, RefusalReason reason) {
        Caller caller = request.caller();
        String actorName = caller.isIntegration() ? caller.displayName() : null; // the client id (azp)
        return new AuditRecord(time, service, caller.subject(), caller.kind().name(), actorName,
                caller.organizationId().orElse(null), action, target.resource(), outcome, errorCode,
                request.requestId(), request.traceParent(), request.clientIp(), target.type(), target.id(),
                target.changes(), detail, reason == null ? null : reason.name());
    }

    /**
     * What an action was aimed at: {@code resource} lists the ids named ({@code teamId=t1 parentId=t2}), {@code type}
     * and {@code id} the main one, {@code changes} the safe values set.
     */
    public record Target(String resource, String type, String id, List<Change> changes) {

        public static final Target NONE = new Target(null, null, null, List.of());

        /** A single resource, e.g. the organization whose audit trail was read. */
        public static Target of(String type, String id) {
            return new Target(id == null ? null : "id=" + id, type, id, List.of());
        }
    }
}
