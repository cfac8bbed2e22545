package com.cycube.assessment.certificates;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.persistence.OptimisticRetry;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Revoking certificates. Root revokes any; a manager only certificates of their organization's own courses
 * (ORGANIZATION visibility, owned by the manager's organization, as recorded at issue time) — never certificates of
 * platform content (FORBIDDEN) and never another organization's (NOT_FOUND, like a missing id, by tenant scoping);
 * trainees and integration clients are FORBIDDEN. The input is checked before anything is read. Idempotent: a revoked
 * certificate is answered as it is. The write is a compare-and-set on {@code revokedAt}: racing revocations revoke
 * once, the others answer the revoked certificate.
 */
@Service
public class CertificateRevocationService {

    static final int MAX_REASON = 500;

    private final CertificateStore store;
    private final Clock clock;

    public CertificateRevocationService(CertificateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public CertificateDocument revoke(Caller caller, String certificateId, String reason) {
        caller.require(Role.MANAGER, null);
        if (certificateId == null || certificateId.isBlank()) {
            throw DomainException.badInput("certificateId is required");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw DomainException.badInput("reason is required: 1 to " + MAX_REASON + " characters");
        }
        return OptimisticRetry.until("The certificate", () -> {
            CertificateDocument certificate = store.find(caller, certificateId)
                    .orElseThrow(() -> DomainException.notFound("Certificate", certificateId));
            requireRevocable(caller, certificate);
            if (certificate.revoked()) {
                return Optional.of(certificate);
            }
            Optional<CertificateDocument> revoked = store.revoke(caller, certificate.id(), clock.instant(),
                    caller.subject(), why);
            // lost the race: the next attempt reads the certificate another revocation revoked
            return revoked;
        });
    }

    /** Root: any; managers: their organization's own courses only. */
    private static void requireRevocable(Caller caller, CertificateDocument certificate) {
        if (caller.isRoot()) {
            return;
        }
        boolean ownCourse = caller.organizationId().map(certificate::isOwnCourseOf).orElse(false);
        if (!ownCourse) {
            throw DomainException.forbidden(Boolean.TRUE.equals(certificate.platformContent())
                    ? "Only root revokes certificates of platform courses"
                    : "Managers revoke only certificates of their organization's own courses");
        }
    }
}
