package com.cycube.support.federation;

import java.util.Map;

/**
 * Another subgraph's entity as this subgraph knows it: its type and key, nothing else. The owner resolves every
 * other field; this subgraph resolves the fields it adds to it ({@code User.enrollments}, {@code Cube.myLab}) with
 * {@code env.getSource()} being this reference. Returned by the {@code @DgsEntityFetcher} of an extended type:
 * {@code return EntityReference.of("User", values);}.
 */
public record EntityReference(String typename, String id) {

    /** The reference the router sent in {@code _entities(representations: …)}. */
    public static EntityReference of(String typename, Map<String, Object> representation) {
        Object id = representation.get("id");
        return new EntityReference(typename, id == null ? null : id.toString());
    }
}
