package com.cycube.analytics.readmodel;

import java.util.Objects;

/**
 * Which aggregate a contribution goes to: its kind ({@code org}, {@code learner}, {@code course}, {@code question})
 * and its key within the kind (the organization id; organization and user; organization and course; organization and
 * question). {@code organizationId} is stored on every shard so that every read can be scoped to a tenant;
 * {@code group} (optional) is stored too, to find aggregates by something other than their key (a question's cube).
 */
public record AggregateKey(AggregateKind kind, String organizationId, String key, String group) {

    public AggregateKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(key, "key");
    }

    public AggregateKey(AggregateKind kind, String organizationId, String key) {
        this(kind, organizationId, key, null);
    }

    public static AggregateKey organization(String organizationId) {
        return new AggregateKey(AggregateKind.ORGANIZATION, organizationId, organizationId);
    }

    public static AggregateKey learner(String organizationId, String userId) {
        return new AggregateKey(AggregateKind.LEARNER, organizationId, userId);
    }

    public static AggregateKey course(String organizationId, String courseId) {
        return new AggregateKey(AggregateKind.COURSE, organizationId, courseId);
    }

    /** A question's answers in an organization; grouped by the question's cube, which a course lists. */
    public static AggregateKey question(String organizationId, String cubeId, String questionId) {
        return new AggregateKey(AggregateKind.QUESTION, organizationId, questionId, cubeId);
    }

    /** The id of the shard that takes the contributions of {@code entityId}. */
    String shardId(String entityId) {
        int shard = Math.floorMod(Objects.hashCode(entityId), kind.shards());
        return kind.prefix() + ":" + organizationId + ":" + key + "#" + shard;
    }
}
