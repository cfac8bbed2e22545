package com.cycube.assessment.certificates;

import com.cycube.support.auth.Caller;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads of {@code certificates} (issued by {@link CourseCompletedHandler}) and their revocation: tenant-scoped for
 * callers, and one read by id across organizations for public verification.
 */
@Component
public class CertificateStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "issuedAt").and(Sort.by("_id"));

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;

    public CertificateStore(TenantScopedMongo tenants, MongoTemplate mongo) {
        this.tenants = tenants;
        this.mongo = mongo;
    }

    public Optional<CertificateDocument> find(Caller caller, String id) {
        return tenants.findById(caller, Visibility.OWN_ORGANIZATION, id, CertificateDocument.class);
    }

    public List<CertificateDocument> findAll(Caller caller, Collection<String> ids) {
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, CertificateDocument.class);
    }

    /** The certificates of these users in the caller's organization (root: any), newest first. */
    public List<CertificateDocument> ofUsers(Caller caller, Collection<String> userIds, PageRequest page) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, Criteria.where("userId").in(userIds), NEWEST_FIRST,
                page, CertificateDocument.class);
    }

    public long countOfUser(Caller caller, String userId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("userId").is(userId),
                CertificateDocument.class);
    }

    /**
     * Revokes the certificate if it is still valid (compare-and-set on {@code revokedAt}), in the caller's
     * organization (root: any); empty when it was revoked meanwhile, or is not the caller's to change.
     */
    public Optional<CertificateDocument> revoke(Caller caller, String id, Instant at, String revokedBy, String reason) {
        Update revoke = new Update().set(CertificateDocument.REVOKED_AT, at).set("revokedBy", revokedBy)
                .set("revocationReason", reason);
        return tenants.update(caller, id, Criteria.where(CertificateDocument.REVOKED_AT).is(null), revoke,
                CertificateDocument.class);
    }

    /** No caller: verification is public and reads one certificate by id, whatever its organization. */
    public Optional<CertificateDocument> findForVerification(String id) {
        return Optional.ofNullable(mongo.findById(id, CertificateDocument.class));
    }
}
