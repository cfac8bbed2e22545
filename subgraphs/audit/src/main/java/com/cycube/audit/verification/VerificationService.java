package com.cycube.audit.verification;

import com.cycube.audit.access.AuditReaders;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.audit.AuditRecord;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * Verifies the trail of an organization the caller may read ({@link AuditReaders}), a step at a time
 * ({@link TrailVerifier}); every step is audited. A refused cursor records nothing and changes nothing.
 */
@Service
public class VerificationService {

    private final TrailVerifier verifier;
    private final AuditLog auditLog;

    public VerificationService(TrailVerifier verifier, AuditLog auditLog) {
        this.verifier = verifier;
        this.auditLog = auditLog;
    }

    public Verification verify(RequestContext request, String organizationId, Instant from, Instant to, String after) {
        if (after == null && from != null && to != null && to.isBefore(from)) {
            throw DomainException.badInput("to must not be before from");
        }
        String chain = AuditReaders.chain(request.caller(), organizationId);
        Verification verification = verifier.verify(chain, from, to, after);
        auditLog.read(request, "read.auditTrailVerification", AuditRecord.Target.of("AuditTrail", chain));
        return verification;
    }
}
