package com.cycube.analytics.directory;

import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * A course as the catalog last published it: its cubes in order and the skills it teaches. {@code organizationId} is
 * null for platform (GLOBAL) content.
 */
public record CourseDocument(@Id String id, String organizationId, String visibility, String title, List<Cube> cubes,
                             List<Skill> skills, Boolean archived, long version) {

    public static final String COLLECTION = "courses";

    public CourseDocument {
        cubes = cubes == null ? List.of() : cubes;
        skills = skills == null ? List.of() : skills;
        archived = Boolean.TRUE.equals(archived); // absent until archived
    }

    /** One cube of the course, in course order. */
    public record Cube(String cubeId, String moduleId, String kind, int position) {
    }

    /** A skill the course teaches. */
    public record Skill(String skillId, String framework, String code, String name) {
    }
}
