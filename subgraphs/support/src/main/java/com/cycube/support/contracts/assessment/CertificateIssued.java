package com.cycube.support.contracts.assessment;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.Objects;

/** A certificate of completion was issued for a course; produced once per certificate, by the write that stores it. */
@EventType("assessment.CertificateIssued")
public record CertificateIssued(String certificateId, String userId, String courseId, String courseTitle,
                                Instant issuedAt) implements EventPayload {
    public CertificateIssued {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }
}
