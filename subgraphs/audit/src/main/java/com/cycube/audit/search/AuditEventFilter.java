package com.cycube.audit.search;

import java.time.Instant;

/** The schema's AuditEventFilter: every condition given must hold. */
public record AuditEventFilter(String organizationId, String actor, String action, String resourceType,
                               String resourceId, AuditOutcome outcome, Instant from, Instant to) {

    public static final AuditEventFilter NONE = new AuditEventFilter(null, null, null, null, null, null, null, null);

    /** The schema's AuditOutcome. */
    public enum AuditOutcome { SUCCESS, FAILURE, DENIED }
}
