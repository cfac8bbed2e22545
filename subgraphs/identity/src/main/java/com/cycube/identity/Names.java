package com.cycube.identity;

import com.cycube.support.errors.DomainException;

/** Validation of the human-readable names users type (organizations, teams, display names). */
public final class Names {

    public static final int MAX_LENGTH = 100;

    private Names() {
    }

    /** The trimmed name, or BAD_USER_INPUT naming {@code field} when it is blank, too long or has control characters. */
    public static String require(String value, String field) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw DomainException.badInput(field + " must be 1 to " + MAX_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.badInput(field + " must not contain control characters");
        }
        return trimmed;
    }
}
