package com.cycube.assessment.certificates;

import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;

/** Certificate queries, public verification and the Certificate fields. */
@DgsComponent
public class CertificatesDataFetcher {

    private final CertificateService certificates;

    public CertificatesDataFetcher(CertificateService certificates) {
        this.certificates = certificates;
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

    @DgsData(parentType = "Certificate", field = "holder")
    public EntityReference holder(DataFetchingEnvironment env) {
        CertificateDocument certificate = env.getSource();
        return new EntityReference("User", certificate.userId());
    }

    @DgsData(parentType = "Certificate", field = "holderName")
    public CompletableFuture<String> holderName(DataFetchingEnvironment env) {
        CertificateDocument certificate = env.getSource();
        return RequestContext.load(env, CertificateDataLoaders.HOLDER_NAMES, certificate);
    }
}
