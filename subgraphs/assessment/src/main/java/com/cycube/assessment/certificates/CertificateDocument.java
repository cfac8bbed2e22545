package com.cycube.assessment.certificates;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A certificate of course completion, issued from {@code training.CourseCompleted}. The id is derived from the
 * enrollment, so one enrollment never gets two certificates. {@code verificationCode} signs id, holder, course, issue
 * time and the course's owner ({@link CertificateSigner}); a stored certificate whose fields were altered no longer
 * verifies. Revocation ({@code revokedAt}, {@code revokedBy}, {@code revocationReason}) is not signed: a revoked
 * certificate's code stays genuine.
 * Written with update operators only (it remembers applied events).
 *
 * @param organizationId       the holder's organization (the tenant)
 * @param courseVisibility     the course's visibility when the certificate was issued: {@link CourseFactDocument#GLOBAL}
 *                             (platform content) or {@link CourseFactDocument#ORGANIZATION}; null for a certificate
 *                             issued before this was recorded whose course assessment has not learnt since
 * @param courseOrganizationId the organization that owned the course when the certificate was issued (null: GLOBAL)
 * @param revokedAt            when it was revoked (null: valid); set once, with {@code revokedBy} and
 *                             {@code revocationReason}
 */
@Document(CertificateDocument.COLLECTION)
public record CertificateDocument(@Id String id, String organizationId, String userId, String enrollmentId,
                                  String courseId, String courseTitle, int score, Instant issuedAt,
                                  String verificationCode, String courseVisibility, String courseOrganizationId,
                                  Instant revokedAt, String revokedBy, String revocationReason) implements TenantOwned {

    public static final String COLLECTION = "certificates";
    public static final String COURSE_VISIBILITY = "courseVisibility";
    public static final String COURSE_ORGANIZATION = "courseOrganizationId";
    public static final String REVOKED_AT = "revokedAt";

    /** The issuer of platform content. */
    public static final String PLATFORM_ISSUER = "CyCube";

    /** True for certificates of GLOBAL courses, false for an organization's own courses, null when unknown. */
    public Boolean platformContent() {
        return courseVisibility == null ? null : CourseFactDocument.GLOBAL.equals(courseVisibility);
    }

    /** True when the course was, at issue time, the own (ORGANIZATION-visibility) course of {@code organization}. */
    public boolean isOwnCourseOf(String organization) {
        return CourseFactDocument.ORGANIZATION.equals(courseVisibility) && organization != null
                && organization.equals(courseOrganizationId);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
