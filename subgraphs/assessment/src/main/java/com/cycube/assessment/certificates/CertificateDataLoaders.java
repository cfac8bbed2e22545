package com.cycube.assessment.certificates;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Certificates, their holders' names and issuers, batched per request: what the caller may not read is absent. */
public final class CertificateDataLoaders {

    public static final String CERTIFICATES = "certificates";
    public static final String CERTIFICATES_BY_USER = "certificatesByUser";
    public static final String NAMES = "certificateNames";

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

    /** What certificates the caller already may read show from other subgraphs: holder names and issuers. */
    @DgsDataLoader(name = NAMES)
    public static class Names extends CallerBatchLoader<CertificateDocument, CertificateService.Names> {
        private final CertificateService certificates;

        public Names(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        protected Map<CertificateDocument, CertificateService.Names> loadFor(Caller caller, Set<CertificateDocument> keys) {
            Map<String, CertificateService.Names> names = certificates.names(keys);
            return keys.stream().collect(Collectors.toMap(Function.identity(), certificate -> names.get(certificate.id())));
        }
    }
}
