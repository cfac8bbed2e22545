package com.cycube.catalog.courses;

import java.util.List;

/** A module as stored inside a course version: an ordered list of cubes. Its id is stable across versions. */
public record ModuleContent(String id, String title, List<CubeContent> cubes) {

    public ModuleContent {
        cubes = cubes == null ? List.of() : List.copyOf(cubes);
    }

    public ModuleContent withTitle(String newTitle) {
        return new ModuleContent(id, newTitle, cubes);
    }

    public ModuleContent withCubes(List<CubeContent> newCubes) {
        return new ModuleContent(id, title, newCubes);
    }

    public int estimatedMinutes() {
        return cubes.stream().mapToInt(CubeContent::estimatedMinutes).sum();
    }
}
