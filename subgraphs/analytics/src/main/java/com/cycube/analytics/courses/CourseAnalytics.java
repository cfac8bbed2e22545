package com.cycube.analytics.courses;

import java.util.List;

/** How learners do in one course (see the schema's CourseAnalytics). */
public record CourseAnalytics(String courseId, String organizationId, int enrolled, int started, int completed,
                              Double completionRate, Double averageScore, Double averageStudyMinutes,
                              List<CubeFunnel> cubes, List<QuestionStatistics> questions) {

    /** One cube of the funnel. */
    public record CubeFunnel(String cubeId, int position, String kind, int started, int completed) {

        public int dropOff() {
            return Math.max(0, started - completed);
        }
    }

    /** One question's statistics. */
    public record QuestionStatistics(String questionId, String cubeId, int learnersAnswered, double correctRate,
                                     double averageAttempts, double hintUseRate, double averageHints) {
    }
}
