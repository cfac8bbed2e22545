package com.cycube.analytics.certificates;

import java.time.Instant;

/** A certificate issued to a learner for a course. */
public record CertificateState(String certificateId, String organizationId, String userId, String courseId,
                               String courseTitle, Instant issuedAt) {
}
