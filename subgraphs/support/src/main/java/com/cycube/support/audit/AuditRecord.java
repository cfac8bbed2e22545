package com.cycube.support.audit;

import java.time.Instant;

/**
 * One audited fact: who did what to which resource, in which organization, with what outcome.
 * Shaped like the audit subgraph's event so it can be shipped there unchanged later.
 */
public record AuditRecord(
        Instant time,
        String service,
        String actor,
        String actorKind,
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
