package com.cycube.assessment.federation;

/** A catalog {@code Cube} as assessment knows it: its id (the catalog resolves the rest). */
public record CubeReference(String id) {
}
