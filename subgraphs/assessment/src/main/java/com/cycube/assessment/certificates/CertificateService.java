package com.cycube.assessment.certificates;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reading and verifying certificates. A certificate is visible to its holder, managers of the holder's
 * organization and root; verification is public and shows only what a certificate shows anyway.
 */
@Service
public class CertificateService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "issuedAt").and(Sort.by("_id"));

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;
    private final CertificateSigner signer;

    public CertificateService(TenantScopedMongo tenants, MongoTemplate mongo, CertificateSigner signer) {
        this.tenants = tenants;
        this.mongo = mongo;
        this.signer = signer;
    }

    /** What verifyCertificate answers. */
    public record Verification(boolean authentic, String holderName, String courseTitle, Instant issuedAt) {
        static final Verification NOT_AUTHENTIC = new Verification(false, null, null, null);
    }

    public Connection<CertificateDocument> mine(Caller caller, PageRequest page) {
        caller.require(Role.TRAINEE, null);
        Criteria own = Criteria.where("userId").is(caller.subject());
        List<CertificateDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, own, NEWEST_FIRST, page,
                CertificateDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, own, CertificateDocument.class));
    }

    public Optional<CertificateDocument> visible(Caller caller, String id) {
        return visible(caller, List.of(id)).stream().findFirst();
    }

    public List<CertificateDocument> visible(Caller caller, Collection<String> ids) {
        if (!caller.hasRole(Role.TRAINEE)) {
            return List.of();
        }
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, CertificateDocument.class).stream()
                .filter(certificate -> mayReadCertificatesOf(caller, certificate.userId())).toList();
    }

    /** Certificates per user id, for {@code User.certificates}; users the caller may not look at are absent. */
    public Map<String, List<CertificateDocument>> byUsers(Caller caller, Set<String> userIds) {
        Set<String> allowed = userIds.stream().filter(id -> mayReadCertificatesOf(caller, id)).collect(Collectors.toSet());
        Map<String, List<CertificateDocument>> result = new HashMap<>();
        allowed.forEach(id -> result.put(id, new java.util.ArrayList<>()));
        if (!allowed.isEmpty()) {
            tenants.find(caller, Visibility.OWN_ORGANIZATION, Criteria.where("userId").in(allowed), NEWEST_FIRST, null,
                    CertificateDocument.class).forEach(certificate -> result.get(certificate.userId()).add(certificate));
        }
        return result;
    }

    /** Own certificates for everyone; managers (their organization's, by tenant scoping) and root any. */
    private static boolean mayReadCertificatesOf(Caller caller, String userId) {
        return caller.hasRole(Role.MANAGER) || (caller.hasRole(Role.TRAINEE) && userId.equals(caller.subject()));
    }

    /**
     * Public verification: BAD_USER_INPUT when {@code code} is not shaped like a code; otherwise authentic only when
     * it is the valid signature of a stored certificate (unknown, forged and altered codes look the same).
     */
    public Verification verify(String code) {
        CertificateSigner.ParsedCode parsed = CertificateSigner.parse(code)
                .orElseThrow(() -> DomainException.badInput("This is not a certificate verification code"));
        // no caller: verification is public and reads one certificate by id, across organizations
        CertificateDocument certificate = mongo.findById(parsed.certificateId(), CertificateDocument.class);
        if (certificate == null || !signer.verifies(parsed, certificate)) {
            return Verification.NOT_AUTHENTIC;
        }
        return new Verification(true, holderNames(List.of(certificate)).get(certificate.userId()),
                certificate.courseTitle(), certificate.issuedAt());
    }

    /**
     * Display names of the holders of certificates already authorized for reading, by user id. Read with
     * MongoTemplate, pinned to each certificate's organization.
     */
    public Map<String, String> holderNames(Collection<CertificateDocument> certificates) {
        Map<String, String> names = new HashMap<>();
        if (certificates.isEmpty()) {
            return names;
        }
        List<Criteria> pairs = certificates.stream().map(certificate -> Criteria.where("_id").is(certificate.userId())
                .and("organizationId").is(certificate.organizationId())).toList();
        mongo.find(Query.query(new Criteria().orOperator(pairs)), UserDocument.class)
                .forEach(user -> {
                    if (user.displayName() != null) {
                        names.put(user.id(), user.displayName());
                    }
                });
        return names;
    }
}
