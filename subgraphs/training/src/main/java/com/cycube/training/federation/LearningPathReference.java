package com.cycube.training.federation;

/** A reference to the catalog subgraph's {@code LearningPath}: its id (catalog resolves the rest). */
public record LearningPathReference(String id) {

    public static LearningPathReference of(String id) {
        return id == null ? null : new LearningPathReference(id);
    }
}
