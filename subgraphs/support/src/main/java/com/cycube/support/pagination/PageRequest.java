package com.cycube.support.pagination;

import com.cycube.support.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated Relay page request ({@code first}, {@code after}). Cursors are opaque to clients;
 * they encode a position in a stable sort order.
 */
public record PageRequest(int first, int offset) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    private static final String CURSOR_PREFIX = "cursor:";

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.badInput("first must be between 1 and " + MAX_PAGE_SIZE);
        }
        return new PageRequest(size, after == null ? 0 : decode(after) + 1);
    }

    public static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException();
            }
            int position = Integer.parseInt(text.substring(CURSOR_PREFIX.length()));
            if (position < 0) {
                throw new IllegalArgumentException();
            }
            return position;
        } catch (IllegalArgumentException invalid) {
            throw DomainException.badInput("Invalid cursor: use a cursor returned by this list");
        }
    }
}
