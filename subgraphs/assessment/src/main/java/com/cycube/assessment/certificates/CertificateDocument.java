package com.cycube.assessment.certificates;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A certificate of course completion, issued from {@code training.CourseCompleted}. The id is derived from the
 * enrollment, so one enrollment never gets two certificates. {@code verificationCode} signs id, holder, course and
 * issue time ({@link CertificateSigner}); a stored certificate whose fields were altered no longer verifies.
 * Written with update operators only (it remembers applied events).
 */
@Document(CertificateDocument.COLLECTION)
public record CertificateDocument(@Id String id, String organizationId, String userId, String enrollmentId,
                                  String courseId, String courseTitle, int score, Instant issuedAt,
                                  String verificationCode) implements TenantOwned {

    public static final String COLLECTION = "certificates";
}
