package com.cycube.support.pagination;

import com.cycube.support.errors.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated Relay page request ({@code first}, {@code after}). Cursors are opaque to clients;
 * they encode a position in a stable sort order.
 *
 * <p>Every page is in range, however it was made: {@code first} is 1 to {@link #MAX_PAGE_SIZE} and {@code offset} 0
 * to {@code MAX_POSITION + 1}, so {@code offset + first + 1} (the rows a store fetches) never overflows an int. A
 * page out of range, a cursor that is not one this class wrote, or one past {@link #MAX_POSITION}, is
 * {@code BAD_USER_INPUT}.
 */
public record PageRequest(int first, int offset) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /**
     * The deepest row a cursor may point at: lists are paged through their first ten million rows (a hundred thousand
     * full pages), far from {@link Integer#MAX_VALUE}, so no arithmetic on a page can overflow.
     */
    public static final int MAX_POSITION = 9_999_999;
    private static final String CURSOR_PREFIX = "cursor:";
    /** Longer than any cursor {@link #encode} writes ({@code cursor:9999999} is 19 characters encoded). */
    private static final int MAX_CURSOR_LENGTH = 32;
    private static final int MAX_DIGITS = String.valueOf(MAX_POSITION).length();
    private static final String INVALID_CURSOR = "Invalid cursor: use a cursor returned by this list";

    public PageRequest {
        if (first < 1 || first > MAX_PAGE_SIZE) {
            throw DomainException.badInput("first must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (offset < 0 || offset > MAX_POSITION + 1) {
            throw DomainException.badInput(INVALID_CURSOR);
        }
    }

    public static PageRequest of(Integer first, String after) {
        PageRequest firstPage = new PageRequest(first == null ? DEFAULT_PAGE_SIZE : first, 0); // first checked before after
        return after == null ? firstPage : new PageRequest(firstPage.first(), decode(after) + 1);
    }

    public static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor written by {@link #encode} points at: 0 to {@link #MAX_POSITION}, or BAD_USER_INPUT. */
    static int decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            throw DomainException.badInput(INVALID_CURSOR);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw DomainException.badInput(INVALID_CURSOR);
        }
        String digits = text.startsWith(CURSOR_PREFIX) ? text.substring(CURSOR_PREFIX.length()) : "";
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw DomainException.badInput(INVALID_CURSOR);
        }
        int position = Integer.parseInt(digits); // at most MAX_DIGITS ASCII digits: cannot overflow
        if (position > MAX_POSITION) {
            throw DomainException.badInput(INVALID_CURSOR);
        }
        return position;
    }
}
