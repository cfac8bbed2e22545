package com.cycube.catalog.courses;

/** GraphQL {@code CourseFilter}: every field optional, combined with AND. */
public record CourseFilter(CourseStatus status, String skillId, CourseLevel level, String authorId,
                           ContentVisibility visibility) {

    public static final CourseFilter NONE = new CourseFilter(null, null, null, null, null);
}
