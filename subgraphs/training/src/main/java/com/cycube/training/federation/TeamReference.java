package com.cycube.training.federation;

/** A reference to the identity subgraph's {@code Team}: its id (identity resolves the rest). */
public record TeamReference(String id) {

    public static TeamReference of(String id) {
        return id == null ? null : new TeamReference(id);
    }
}
