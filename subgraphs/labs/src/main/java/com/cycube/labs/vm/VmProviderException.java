package com.cycube.labs.vm;

/**
 * A provider call that failed. {@code retryable}: try again later (throttling, 5xx, network) — the lab keeps its
 * state and the driver retries; otherwise the request can never succeed (unknown image, bad parameters) and the
 * lab fails with {@link #getMessage()} as its reason.
 */
public class VmProviderException extends RuntimeException {

    private final boolean retryable;
    private final String code;

    public VmProviderException(String code, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public String code() {
        return code;
    }
}
