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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reading and verifying certificates. A certificate is visible to its holder, managers of the holder's
 * organization and root; verification is public and shows only what a certificate shows anyway.
 */
@Service
public class CertificateService {

    private final CertificateStore store;
    private final UserStore users;
    private final CertificateSigner signer;

    public CertificateService(CertificateStore store, UserStore users, CertificateSigner signer) {
        this.store = store;
        this.users = users;
        this.signer = signer;
    }

    /** What verifyCertificate answers. */
    public record Verification(boolean authentic, String holderName, String courseTitle, Instant issuedAt) {
        static final Verification NOT_AUTHENTIC = new Verification(false, null, null, null);
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

    /** Display names of the holders of certificates the caller already may read, by user id. */
    public Map<String, String> holderNames(Collection<CertificateDocument> certificates) {
        return users.holderNames(certificates);
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
                .map(certificate -> new Verification(true, holderNames(List.of(certificate)).get(certificate.userId()),
                        certificate.courseTitle(), certificate.issuedAt()))
                .orElse(Verification.NOT_AUTHENTIC);
    }
}
