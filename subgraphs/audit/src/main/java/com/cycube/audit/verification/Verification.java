package com.cycube.audit.verification;

/**
 * The schema's AuditTrailVerification: whether the chain is intact in the window, how many records were checked, and
 * the first problem found (null when intact).
 */
public record Verification(String organizationId, boolean intact, long checkedRecords, Problem firstProblem) {

    /** The schema's AuditTrailProblemKind. */
    public enum Kind { ALTERED, MISSING, INSERTED, TRUNCATED }

    /** The schema's AuditTrailProblem: where ({@code seq}, and the record's id when there is a record) and what. */
    public record Problem(long seq, String recordId, Kind kind, String detail) {
    }
}
