package com.cycube.support.audit;

import java.time.Instant;

/**
 * One audited fact: who did what to which resource, in which organization, with what outcome.
 * Shaped like the audit subgraph's event so it can be shipped there unchanged later.
 *
 * @param actorName the integration client's id ({@code azp}) for integration callers; null for people
 *                  (their subject identifies them; names are personal data the log does not need)
 * @param resource  which object(s) the mutation acted on, e.g. {@code teamId=team-a parentId=team-b}
 *                  or {@code id=course-x}: only id values, never other input values
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
        String clientIp) {

    public enum Outcome { SUCCESS, FAILURE, DENIED }
}
