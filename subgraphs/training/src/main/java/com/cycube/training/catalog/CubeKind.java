package com.cycube.training.catalog;

/** The kind of a catalog cube, as {@code catalog.CoursePublished} names it. */
public enum CubeKind {
    READING, QUIZ, LAB;

    public static CubeKind parse(Object value) {
        return value == null ? READING : valueOf(value.toString());
    }
}
