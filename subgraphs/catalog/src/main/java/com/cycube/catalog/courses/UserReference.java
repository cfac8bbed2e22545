package com.cycube.catalog.courses;

/** A {@code User} entity reference: only its id; the identity subgraph resolves everything else. */
public record UserReference(String id) {
}
