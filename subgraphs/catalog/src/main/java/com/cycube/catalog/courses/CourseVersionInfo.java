package com.cycube.catalog.courses;

import java.time.Instant;

/** One entry of a course's version history (GraphQL {@code CourseVersion}). */
public record CourseVersionInfo(int version, CourseStatus status, Instant publishedAt) {
}
