package com.cycube.training.catalog;

/** One cube of a published course, from {@code catalog.CoursePublished}. */
public record CourseCube(String cubeId, String moduleId, CubeKind kind, String labTemplateId, Integer estimatedMinutes,
                         int position) {
}
