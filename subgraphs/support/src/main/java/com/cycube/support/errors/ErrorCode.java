package com.cycube.support.errors;

import graphql.ErrorClassification;

/**
 * The error codes clients see in {@code extensions.code} (see PRODUCT.md). Also the errors'
 * graphql-java classification, so nothing downstream relabels them (DGS rewrites errors classified
 * as {@code DataFetchingException} to {@code errorType: UNAVAILABLE}, even a FORBIDDEN one).
 */
public enum ErrorCode implements ErrorClassification {
    UNAUTHENTICATED,
    FORBIDDEN,
    BAD_USER_INPUT,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL
}
