package com.cycube.catalog.courses;

import java.util.List;

/**
 * The course-level fields of one version, copied into the course head so that lists, filters and the
 * scalar fields of a course need no read of the version document (only its modules do, batched).
 */
public record CourseSummary(String title, String summary, CourseLevel level, List<String> skillIds,
                            int estimatedMinutes) {

    public CourseSummary {
        skillIds = skillIds == null ? List.of() : List.copyOf(skillIds);
    }

    public static CourseSummary of(CourseContent content) {
        return content == null ? null
                : new CourseSummary(content.title(), content.summary(), content.level(), content.skillIds(),
                        content.estimatedMinutes());
    }
}
