package com.cycube.training.progress;

/** How a team is doing (see the schema's TeamProgress). */
public record TeamProgress(int members, int enrolledMembers, int enrollments, int completed, int overdue,
                           Double averagePercent) {
}
