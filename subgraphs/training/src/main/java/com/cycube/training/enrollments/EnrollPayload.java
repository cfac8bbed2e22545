package com.cycube.training.enrollments;

import java.util.List;

/**
 * What enroll answers (the schema's EnrollPayload).
 *
 * @param enrollments     one for a course, one per open course for a learning path, in the path's order
 * @param alreadyEnrolled true when the caller held all of them already (nothing was written)
 */
public record EnrollPayload(List<EnrollmentDocument> enrollments, boolean alreadyEnrolled) {
}
