package com.cycube.catalog.courses;

import java.util.ArrayList;
import java.util.List;

/** A module of the course version {@code course}, at 1-based {@code position}. */
public record ModuleView(CourseView course, ModuleContent module, int position) {

    public String id() {
        return module.id();
    }

    public String title() {
        return module.title();
    }

    public List<CubeView> cubes() {
        List<CubeView> cubes = new ArrayList<>(module.cubes().size());
        for (int i = 0; i < module.cubes().size(); i++) {
            cubes.add(new CubeView(this, module.cubes().get(i), i + 1));
        }
        return cubes;
    }

    /** The modules of a course version whose content is known. */
    public static List<ModuleView> of(CourseView course, CourseContent content) {
        CourseView withContent = course.content() == null ? course.withContent(content) : course;
        List<ModuleView> modules = new ArrayList<>(content.modules().size());
        for (int i = 0; i < content.modules().size(); i++) {
            modules.add(new ModuleView(withContent, content.modules().get(i), i + 1));
        }
        return modules;
    }
}
