package com.cycube.labs.quotas;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code labQuota}: read-only here — identity owns the quota ({@code updateOrganizationQuotas}). */
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
}
