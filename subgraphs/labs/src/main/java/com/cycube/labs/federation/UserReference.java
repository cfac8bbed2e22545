package com.cycube.labs.federation;

/** An identity {@code User} as labs knows it: its id (identity resolves the rest). */
public record UserReference(String id) {
}
