package com.cycube.catalog.events;

import com.cycube.catalog.courses.ContentVisibility;
import com.cycube.catalog.courses.CourseContent;
import com.cycube.catalog.courses.CubeContent;
import com.cycube.catalog.courses.ModuleContent;
import com.cycube.catalog.skills.SkillDocument;
import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.support.events.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the catalog tells the other subgraphs (docs/events.md): maps course content and learning paths to their
 * contract records. Each event is stored by the write that makes the change it reports — the head's publish/archive
 * compare-and-set, the learning path's publish — or, for a document inserted already published (demo data), by
 * that insert ({@code Outbox.insert}).
 */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /**
     * A published version with its whole structure: every cube in course order (modules in order, cubes in order
     * inside each), {@code position} counting from 1 across the whole course; and the skills it teaches, in the
     * content's order, as {@code skills} (the skill store, by id) names them — an id no skill has is left out.
     */
    public static DomainEvent coursePublished(String courseId, String organizationId, int version, CourseContent content,
                                              Map<String, SkillDocument> skills, Instant at) {
        List<CoursePublished.Cube> cubes = new ArrayList<>();
        for (ModuleContent module : content.modules()) {
            for (CubeContent cube : module.cubes()) {
                cubes.add(new CoursePublished.Cube(cube.id(), module.id(), cube.kind().name(), cube.labTemplateId(),
                        cube.estimatedMinutes(), cubes.size() + 1));
            }
        }
        List<CoursePublished.Skill> taught = content.skillIds().stream().map(skills::get).filter(Objects::nonNull)
                .map(skill -> new CoursePublished.Skill(skill.id(), skill.framework().name(), skill.code(), skill.name()))
                .toList();
        return DomainEvent.of(organizationId, at, new CoursePublished(courseId, version, content.title(),
                visibility(organizationId), organizationId, cubes, taught));
    }

    public static DomainEvent courseArchived(String courseId, String organizationId, Instant at) {
        return DomainEvent.of(organizationId, at, new CourseArchived(courseId));
    }

    /** The path's {@code version}-th publication (1 at the first, +1 per later one), with its courses in order. */
    public static DomainEvent learningPathPublished(String pathId, String organizationId, long version, String title,
                                                    List<String> courseIds, Instant at) {
        return DomainEvent.of(organizationId, at, new LearningPathPublished(pathId, version, title,
                visibility(organizationId), organizationId, List.copyOf(courseIds)));
    }

    private static String visibility(String organizationId) {
        return ContentVisibility.of(organizationId).name();
    }
}
