package com.cycube.labs.federation;

/** A catalog {@code Cube} as labs knows it: its id (the catalog resolves the rest). */
public record CubeReference(String id) {
}
