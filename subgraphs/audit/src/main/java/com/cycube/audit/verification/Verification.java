package com.cycube.audit.verification;

/**
 * The schema's AuditTrailVerification, of one step: whether the chain is intact so far, how many records this step
 * checked, the first problem found (null when intact), and — when the step stopped at its budget before the end
 * ({@code complete} false) — where the next one continues: {@code continueAfterSequence} and the signed
 * {@code cursor} to pass back as {@code after}.
 */
public record Verification(String organizationId, boolean intact, long checkedRecords, Problem firstProblem,
                           boolean complete, Long continueAfterSequence, String cursor) {

    /** The schema's AuditTrailProblemKind. */
    public enum Kind { ALTERED, MISSING, INSERTED, TRUNCATED }

    /** The schema's AuditTrailProblem: where ({@code seq}, and the record's id when there is a record) and what. */
    public record Problem(long seq, String recordId, Kind kind, String detail) {
    }
}
