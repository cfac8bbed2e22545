package com.cycube.assessment.certificates;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Certificates and their holders' names, batched per request: what the caller may not read is absent. */
public final class CertificateDataLoaders {

    public static final String CERTIFICATES = "certificates";
    public static final String CERTIFICATES_BY_USER = "certificatesByUser";
    public static final String HOLDER_NAMES = "holderNames";

    private CertificateDataLoaders() {
    }

    /** Certificates by id (holder, managers of the organization, root). */
    @DgsDataLoader(name = CERTIFICATES)
    public static class Certificates extends CallerBatchLoader<String, CertificateDocument> {
        private final CertificateService certificates;

        public Certificates(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        protected Map<String, CertificateDocument> loadFor(Caller caller, Set<String> ids) {
            return certificates.visible(caller, ids).stream()
                    .collect(Collectors.toMap(CertificateDocument::id, Function.identity()));
        }
    }

    /** Certificates per user ({@code User.certificates}). */
    @DgsDataLoader(name = CERTIFICATES_BY_USER)
    public static class CertificatesByUser extends CallerBatchLoader<String, List<CertificateDocument>> {
        private final CertificateService certificates;

        public CertificatesByUser(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        protected Map<String, List<CertificateDocument>> loadFor(Caller caller, Set<String> userIds) {
            return certificates.byUsers(caller, userIds);
        }
    }

    /** Holder display names of certificates the caller already may read, keyed by the certificate. */
    @DgsDataLoader(name = HOLDER_NAMES)
    public static class HolderNames extends CallerBatchLoader<CertificateDocument, String> {
        private final CertificateService certificates;

        public HolderNames(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        protected Map<CertificateDocument, String> loadFor(Caller caller, Set<CertificateDocument> keys) {
            Map<String, String> names = certificates.holderNames(keys);
            Map<CertificateDocument, String> byCertificate = new HashMap<>();
            keys.stream().filter(certificate -> names.containsKey(certificate.userId()))
                    .forEach(certificate -> byCertificate.put(certificate, names.get(certificate.userId())));
            return byCertificate;
        }
    }
}
