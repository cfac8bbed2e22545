package com.cycube.catalog.courses;

/** What kind of training a cube is. */
public enum CubeKind {
    READING,
    QUIZ,
    LAB
}
