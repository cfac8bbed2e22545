package com.cycube.analytics.dashboards;

import java.time.Instant;

/** One week of a trend (see the schema's WeeklyFigures). */
public record WeeklyFigures(Instant weekStart, int activeLearners, int enrollments, int completions, Double averageScore,
                            int overdueEnrollments, int labsLaunched, double labHours, int certificates) {
}
