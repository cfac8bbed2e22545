package com.cycube.training.federation;

/** A reference to the catalog subgraph's {@code Course}: its id (catalog resolves the rest). */
public record CourseReference(String id) {

    public static CourseReference of(String id) {
        return id == null ? null : new CourseReference(id);
    }
}
