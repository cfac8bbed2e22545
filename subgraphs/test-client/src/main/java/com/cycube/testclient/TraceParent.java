package com.cycube.testclient;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C trace context a test sends as its caller's: fresh random trace and span ids, sampled, so the test can find its
 * trace among the spans an {@link OtlpReceiver} received.
 *
 * @param traceId the 32-hex-digit trace id
 * @param spanId  the 16-hex-digit id of the caller's span (the parent of the first server span)
 */
public record TraceParent(String traceId, String spanId) {

    /** A new sampled trace context. */
    public static TraceParent sampled() {
        return new TraceParent(randomHex(16), randomHex(8));
    }

    /** The {@code traceparent} header value. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zero (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
