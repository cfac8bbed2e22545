package com.cycube.support.errors;

/** The error codes clients see in {@code extensions.code} (see PRODUCT.md). */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    BAD_USER_INPUT,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL
}
