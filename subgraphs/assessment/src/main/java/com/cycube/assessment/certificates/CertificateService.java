package com.cycube.assessment.certificates;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reading and verifying certificates. A certificate is visible to its holder, managers of the holder's
 * organization and root; verification is public and shows only what a certificate shows anyway: holder, course,
 * issue date, who issued it (CyCube for platform content, else the course's organization) and whether it was revoked.
 */
@Service
public class CertificateService {

    private final CertificateStore store;
    private final UserStore users;
    private final OrganizationStore organizations;
    private final CertificateSigner signer;

    public CertificateService(CertificateStore store, UserStore users, OrganizationStore organizations,
                              CertificateSigner signer) {
        this.store = store;
        this.users = users;
        this.organizations = organizations;
        this.signer = signer;
    }

    /** A certificate's holder name and issuer, as the other subgraphs told assessment; null where unknown. */
    public record Names(String holderName, String issuer) {
    }

    /**
     * What verifyCertificate answers: a genuine code shows the certificate, including whether it was revoked
     * ({@code authentic} true, {@code revoked} true); anything else shows nothing.
     */
    public record Verification(boolean authentic, String holderName, String courseTitle, Instant issuedAt,
                               String issuer, Boolean platformContent, Boolean revoked, Instant revokedAt) {
        static final Verification NOT_AUTHENTIC = new Verification(false, null, null, null, null, null, null, null);
    }

    public Connection<CertificateDocument> mine(Caller caller, PageRequest page) {
        caller.require(Role.TRAINEE, null);
        return Connection.of(store.ofUsers(caller, List.of(caller.subject()), page), page,
                store.countOfUser(caller, caller.subject()));
    }

    public Optional<CertificateDocument> visible(Caller caller, String id) {
        return visible(caller, List.of(id)).stream().findFirst();
    }

    public List<CertificateDocument> visible(Caller caller, Collection<String> ids) {
        if (!caller.hasRole(Role.TRAINEE)) {
            return List.of();
        }
        return store.findAll(caller, ids).stream()
                .filter(certificate -> mayReadCertificatesOf(caller, certificate.userId())).toList();
    }

    /** Certificates per user id, for {@code User.certificates}; users the caller may not look at are absent. */
    public Map<String, List<CertificateDocument>> byUsers(Caller caller, Set<String> userIds) {
        Set<String> allowed = userIds.stream().filter(id -> mayReadCertificatesOf(caller, id)).collect(Collectors.toSet());
        Map<String, List<CertificateDocument>> result = new HashMap<>();
        allowed.forEach(id -> result.put(id, new ArrayList<>()));
        if (!allowed.isEmpty()) {
            store.ofUsers(caller, allowed, null).forEach(certificate -> result.get(certificate.userId()).add(certificate));
        }
        return result;
    }

    /** Own certificates for everyone; managers (their organization's, by tenant scoping) and root any. */
    private static boolean mayReadCertificatesOf(Caller caller, String userId) {
        return caller.hasRole(Role.MANAGER) || (caller.hasRole(Role.TRAINEE) && userId.equals(caller.subject()));
    }

    /**
     * What certificates already authorized for reading (or verified) show from other subgraphs, by certificate id:
     * the holder's display name and who issued the certificate — {@value CertificateDocument#PLATFORM_ISSUER} for
     * platform content, otherwise the name of the organization that owned the course at issue time. Null where
     * assessment does not know it (yet).
     */
    public Map<String, Names> names(Collection<CertificateDocument> certificates) {
        Map<String, String> holders = users.holderNames(certificates);
        Map<String, String> organizationNames = organizations.names(certificates.stream()
                .filter(certificate -> Boolean.FALSE.equals(certificate.platformContent()))
                .map(CertificateDocument::courseOrganizationId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, Names> names = new HashMap<>();
        for (CertificateDocument certificate : certificates) {
            Boolean platform = certificate.platformContent();
            String issuer = platform == null ? null
                    : platform ? CertificateDocument.PLATFORM_ISSUER : organizationNames.get(certificate.courseOrganizationId());
            names.put(certificate.id(), new Names(holders.get(certificate.userId()), issuer));
        }
        return names;
    }

    /**
     * Public verification: BAD_USER_INPUT when {@code code} is not shaped like a code; otherwise authentic only when
     * it is the valid signature of a stored certificate (unknown, forged and altered codes look the same).
     */
    public Verification verify(String code) {
        CertificateSigner.ParsedCode parsed = CertificateSigner.parse(code)
                .orElseThrow(() -> DomainException.badInput("This is not a certificate verification code"));
        return store.findForVerification(parsed.certificateId())
                .filter(certificate -> signer.verifies(parsed, certificate))
                .map(certificate -> {
                    Names names = names(List.of(certificate)).get(certificate.id());
                    return new Verification(true, names.holderName(), certificate.courseTitle(), certificate.issuedAt(),
                            names.issuer(), certificate.platformContent(), certificate.revoked(), certificate.revokedAt());
                })
                .orElse(Verification.NOT_AUTHENTIC);
    }
}
