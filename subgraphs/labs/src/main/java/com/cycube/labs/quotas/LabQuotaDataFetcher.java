package com.cycube.labs.quotas;

import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/** {@code labQuota} and root's {@code setLabQuota}. */
@DgsComponent
public class LabQuotaDataFetcher {

    private final LabQuotaService quotas;

    public LabQuotaDataFetcher(LabQuotaService quotas) {
        this.quotas = quotas;
    }

    @DgsQuery
    public LabQuota labQuota(@InputArgument String organizationId, DataFetchingEnvironment env) {
        return quotas.quota(RequestContext.from(env).caller(), organizationId);
    }

    @DgsMutation
    public Map<String, Object> setLabQuota(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("quota", quotas.set(RequestContext.from(env).caller(), in.string("organizationId"),
                in.integer("maxConcurrentLabs")));
    }
}
