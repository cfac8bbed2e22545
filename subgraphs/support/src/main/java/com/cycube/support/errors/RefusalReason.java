package com.cycube.support.errors;

/**
 * Why a request, an operation or a connection was refused as a whole, for machines: the audit record carries it
 * ({@code AuditRecord.reason}) so that what is made of a refusal — a security alert when a deactivated account's token
 * is still used — never depends on the wording of the message the client got. Clients see the message and
 * {@code extensions.code}, not this.
 */
public enum RefusalReason {
    /** The token was missing a valid signature, issuer, audience or expiry when it arrived (no caller is known). */
    INVALID_TOKEN,
    /** A token that was valid when the request or stream began has expired since. */
    TOKEN_EXPIRED,
    /** The account was deactivated after the token was issued. */
    ACCOUNT_DEACTIVATED,
    /** The account's organization was deactivated after the token was issued. */
    ORGANIZATION_DEACTIVATED,
    /** The account was moved to another organization after the token was issued. */
    ORGANIZATION_CHANGED,
    /** The account now has a lower role than the token claims. */
    ROLE_CHANGED,
    /** The operation costs more than {@code cycube.limits.max-query-cost}. */
    QUERY_COST_EXCEEDED;

    /** Whether the caller's access was taken away (rather than having lapsed or never existed): worth an alert. */
    public boolean revokesAccess() {
        return this == ACCOUNT_DEACTIVATED || this == ORGANIZATION_DEACTIVATED;
    }
}
