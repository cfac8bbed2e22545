package com.cycube.analytics.dashboards;

/** The figures of a dashboard (see the schema's DashboardFigures). */
public record DashboardFigures(int members, int activeLearnersLast7Days, int activeLearnersLast30Days, int enrollments,
                               int completions, Double completionRate, Double averageScore, int overdueEnrollments,
                               int labsRunning, Integer labQuota, double labHoursUsed, int certificates,
                               double studyHours) {
}
