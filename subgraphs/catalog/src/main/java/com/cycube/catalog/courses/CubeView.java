package com.cycube.catalog.courses;

/** A cube of {@code module}, at 1-based {@code position}. */
public record CubeView(ModuleView module, CubeContent cube, int position) {

    public String id() {
        return cube.id();
    }

    public CubeKind kind() {
        return cube.kind();
    }

    public String title() {
        return cube.title();
    }

    public String content() {
        return cube.content();
    }

    public String labTemplateId() {
        return cube.labTemplateId();
    }

    public int estimatedMinutes() {
        return cube.estimatedMinutes();
    }

    public CourseView course() {
        return module.course();
    }
}
