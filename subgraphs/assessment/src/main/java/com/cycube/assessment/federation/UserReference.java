package com.cycube.assessment.federation;

/** An identity {@code User} as assessment knows it: its id (identity resolves the rest). */
public record UserReference(String id) {
}
