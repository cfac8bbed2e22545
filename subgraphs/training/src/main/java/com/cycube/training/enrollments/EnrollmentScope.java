package com.cycube.training.enrollments;

import java.util.Set;

/**
 * What one live subscriber follows inside one organization: one enrollment, or the enrollments of some users (a
 * person's own, a team's members), or all of them (both null).
 */
public record EnrollmentScope(String organizationId, String enrollmentId, Set<String> userIds) {

    public boolean matches(EnrollmentDocument enrollment) {
        if (!organizationId.equals(enrollment.organizationId())) {
            return false;
        }
        if (enrollmentId != null) {
            return enrollmentId.equals(enrollment.id());
        }
        return userIds == null || userIds.contains(enrollment.userId());
    }
}
