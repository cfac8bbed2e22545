package com.cycube.catalog.courses;

/** Where a course (or a version of it, or a learning path) is in the publish workflow. */
public enum CourseStatus {
    DRAFT,
    PUBLISHED,
    /** An older published version replaced by a newer one. */
    SUPERSEDED,
    ARCHIVED
}
