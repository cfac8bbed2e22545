package com.cycube.support.errors;

/**
 * An error the client can understand and usually fix. Its message is shown to the client as is,
 * so it must never contain internals (stack traces, queries, answer keys, other tenants' data).
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static DomainException unauthenticated() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "Authentication required: send a valid access token");
    }

    /** The token no longer grants access (expired during a stream, account or organization deactivated, role changed). */
    public static DomainException unauthenticated(String message) {
        return new DomainException(ErrorCode.UNAUTHENTICATED, message);
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
