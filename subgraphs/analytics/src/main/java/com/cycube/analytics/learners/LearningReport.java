package com.cycube.analytics.learners;

import java.time.Instant;
import java.util.List;

/** One learner's report (see the schema's LearningReport). */
public record LearningReport(String userId, String displayName, int enrollments, int completions, Double averageScore,
                             double studyHours, double labHours, Instant lastActivityAt, List<Course> courses,
                             List<Certificate> certificates) {

    /** One course of the report. */
    public record Course(String courseId, String title, Instant enrolledAt, boolean assigned, Instant dueAt,
                         String status, int percent, int completedCubes, Double score, Instant completedAt,
                         int studyMinutes, Instant lastActivityAt) {
    }

    /** One certificate of the report. */
    public record Certificate(String certificateId, String courseId, String courseTitle, Instant issuedAt) {
    }
}
