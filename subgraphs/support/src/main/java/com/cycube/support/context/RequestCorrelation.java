package com.cycube.support.context;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id and W3C trace parent a request brings, checked before they are written into any audit record or log
 * line: a client controls both headers (the router passes them on), so neither may carry anything but an id.
 *
 * <ul>
 *   <li>request id ({@code x-request-id}): at most {@value #MAX_REQUEST_ID_LENGTH} characters of
 *       {@code [A-Za-z0-9._:-]}; anything else (missing, blank, longer, other characters) is replaced by a generated
 *       UUID, so every request still has one;</li>
 *   <li>trace parent ({@code traceparent}): the W3C Trace Context form {@code 00-<32 hex>-<16 hex>-<2 hex>} in lowercase,
 *       with a trace id and a parent id that are not all zeros; anything else is dropped (null).</li>
 * </ul>
 */
public final class RequestCorrelation {

    public static final String REQUEST_ID_HEADER = "x-request-id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    public static final int MAX_REQUEST_ID_LENGTH = 128;

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_REQUEST_ID_LENGTH + "}");
    private static final Pattern TRACEPARENT = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private RequestCorrelation() {
    }

    /** The request id the client sent if it is a safe one, otherwise a freshly generated one; never null. */
    public static String requestId(String sent) {
        return sent != null && sent.length() <= MAX_REQUEST_ID_LENGTH && REQUEST_ID.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
    }

    /** The trace parent the client sent if it is a valid W3C {@code traceparent} (version 00), otherwise null. */
    public static String traceParent(String sent) {
        return sent != null && sent.length() == 55 && TRACEPARENT.matcher(sent).matches() ? sent : null;
    }
}
