package com.cycube.catalog.courses;

/** How advanced a course is. */
public enum CourseLevel {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED
}
