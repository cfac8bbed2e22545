package com.cycube.support.errors;

/**
 * An error the client can understand and usually fix. Its message is shown to the client as is,
 * so it must never contain internals (stack traces, queries, answer keys, other tenants' data).
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final RefusalReason reason;

    public DomainException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** With a machine-readable {@code reason} for a refusal (audited, never shown to the client). */
    public DomainException(ErrorCode code, String message, RefusalReason reason) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
    }

    public ErrorCode code() {
        return code;
    }

    /** Why the request was refused, for the audit trail; null when the code and message say all there is. */
    public RefusalReason reason() {
        return reason;
    }

    public static DomainException unauthenticated() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "Authentication required: send a valid access token");
    }

    /** The token no longer grants access (expired during a stream, account or organization deactivated, role changed). */
    public static DomainException unauthenticated(String message) {
        return new DomainException(ErrorCode.UNAUTHENTICATED, message);
    }

    /** The token no longer grants access, and why ({@link RefusalReason}, recorded in the audit trail). */
    public static DomainException unauthenticated(String message, RefusalReason reason) {
        return new DomainException(ErrorCode.UNAUTHENTICATED, message, reason);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(ErrorCode.FORBIDDEN, message);
    }

    /** Also used for other tenants' data: it must look exactly like data that does not exist. */
    public static DomainException notFound(String type, String id) {
        return new DomainException(ErrorCode.NOT_FOUND, type + " " + id + " not found");
    }

    public static DomainException badInput(String message) {
        return new DomainException(ErrorCode.BAD_USER_INPUT, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(ErrorCode.CONFLICT, message);
    }

    /** Too many requests: the message should say when to try again, never why a guess was wrong. */
    public static DomainException rateLimited(String message) {
        return new DomainException(ErrorCode.RATE_LIMITED, message);
    }

    public static DomainException unavailable(String message) {
        return new DomainException(ErrorCode.UNAVAILABLE, message);
    }
}
