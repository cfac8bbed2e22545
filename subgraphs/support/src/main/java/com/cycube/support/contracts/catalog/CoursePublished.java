package com.cycube.support.contracts.catalog;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.List;
import java.util.Objects;

/**
 * A course version was published, with its whole structure. {@code visibility} is GLOBAL (platform content,
 * {@code organizationId} null) or ORGANIZATION. Consumers keep the highest {@code version}; an archived course stays
 * archived whatever publication arrives later ({@link CourseArchived}).
 */
@EventType("catalog.CoursePublished")
public record CoursePublished(String courseId, int version, String title, String visibility, String organizationId,
                              List<Cube> cubes, List<Skill> skills) implements EventPayload {

    /** A publication without skills (as before they were carried). */
    public CoursePublished(String courseId, int version, String title, String visibility, String organizationId,
                           List<Cube> cubes) {
        this(courseId, version, title, visibility, organizationId, cubes, List.of());
    }

    /**
     * A skill the course teaches, as the catalog names it: {@code framework} is NICE (a work role or task) or
     * MITRE_ATTACK (a technique), {@code code} its identifier in that framework (e.g. T1059).
     */
    public record Skill(String skillId, String framework, String code, String name) {
        public Skill {
            Objects.requireNonNull(skillId, "skillId");
        }
    }

    public CoursePublished {
        Objects.requireNonNull(courseId, "courseId");
        skills = skills == null ? List.of() : List.copyOf(skills); // empty in publications from before they were carried
    }

    /** Whether this is platform content, visible to every organization. */
    public boolean global() {
        return "GLOBAL".equals(visibility);
    }

    /**
     * One cube of the published version, in course order: {@code position} counts from 1 across the whole course.
     * {@code kind} is READING, QUIZ or LAB; {@code labTemplateId} is set for LAB cubes only.
     */
    public record Cube(String cubeId, String moduleId, String kind, String labTemplateId, int estimatedMinutes,
                       int position) {

        public Cube {
            Objects.requireNonNull(cubeId, "cubeId");
            Objects.requireNonNull(kind, "kind");
        }
    }
}
