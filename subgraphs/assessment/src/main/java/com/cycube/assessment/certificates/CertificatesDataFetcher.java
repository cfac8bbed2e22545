package com.cycube.assessment.certificates;

import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;

/** Certificate queries, public verification, revocation and the Certificate fields. */
@DgsComponent
public class CertificatesDataFetcher {

    public record RevokeCertificateInput(String certificateId, String reason) {
    }

    public record RevokeCertificatePayload(CertificateDocument certificate) {
    }

    private final CertificateService certificates;
    private final CertificateRevocationService revocations;

    public CertificatesDataFetcher(CertificateService certificates, CertificateRevocationService revocations) {
        this.certificates = certificates;
        this.revocations = revocations;
    }

    @DgsQuery
    public Connection<CertificateDocument> certificates(@InputArgument Integer first, @InputArgument String after,
                                                        DataFetchingEnvironment env) {
        return certificates.mine(RequestContext.from(env).caller(), PageRequest.of(first, after));
    }

    @DgsQuery
    public CertificateDocument certificate(@InputArgument String id, DataFetchingEnvironment env) {
        return certificates.visible(RequestContext.from(env).caller(), id).orElse(null);
    }

    /** Public: no caller needed. */
    @DgsQuery
    public CertificateService.Verification verifyCertificate(@InputArgument String code) {
        return certificates.verify(code);
    }

    @DgsMutation
    public RevokeCertificatePayload revokeCertificate(@InputArgument RevokeCertificateInput input,
                                                      DataFetchingEnvironment env) {
        return new RevokeCertificatePayload(revocations.revoke(RequestContext.from(env).caller(), input.certificateId(),
                input.reason()));
    }

    @DgsData(parentType = "Certificate", field = "holder")
    public EntityReference holder(DataFetchingEnvironment env) {
        CertificateDocument certificate = env.getSource();
        return new EntityReference("User", certificate.userId());
    }

    @DgsData(parentType = "Certificate", field = "holderName")
    public CompletableFuture<String> holderName(DataFetchingEnvironment env) {
        return names(env).thenApply(CertificateService.Names::holderName);
    }

    @DgsData(parentType = "Certificate", field = "issuer")
    public CompletableFuture<String> issuer(DataFetchingEnvironment env) {
        return names(env).thenApply(CertificateService.Names::issuer);
    }

    private static CompletableFuture<CertificateService.Names> names(DataFetchingEnvironment env) {
        CertificateDocument certificate = env.getSource();
        return RequestContext.load(env, CertificateDataLoaders.NAMES, certificate);
    }
}
