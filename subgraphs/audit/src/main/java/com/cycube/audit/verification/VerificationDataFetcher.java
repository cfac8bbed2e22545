package com.cycube.audit.verification;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;

/** {@code Query.verifyAuditTrail}. */
@DgsComponent
public class VerificationDataFetcher {

    private final VerificationService verification;

    public VerificationDataFetcher(VerificationService verification) {
        this.verification = verification;
    }

    @DgsQuery
    public Verification verifyAuditTrail(@InputArgument String organizationId, @InputArgument Instant from,
                                         @InputArgument Instant to, @InputArgument String after,
                                         DataFetchingEnvironment env) {
        return verification.verify(RequestContext.from(env), organizationId, from, to, after);
    }
}
