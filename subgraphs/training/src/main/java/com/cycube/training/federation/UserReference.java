package com.cycube.training.federation;

/** A reference to the identity subgraph's {@code User}: its id (identity resolves the rest). */
public record UserReference(String id) {

    public static UserReference of(String id) {
        return id == null ? null : new UserReference(id);
    }
}
