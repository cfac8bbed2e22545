package com.cycube.audit.alerts;

import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code Query.securityAlerts}. */
@DgsComponent
public class AlertsDataFetcher {

    private final SecurityAlerts alerts;

    public AlertsDataFetcher(SecurityAlerts alerts) {
        this.alerts = alerts;
    }

    @DgsQuery
    public Connection<SecurityAlertDocument> securityAlerts(@InputArgument String organizationId,
                                                            @InputArgument Integer first, @InputArgument String after,
                                                            DataFetchingEnvironment env) {
        return alerts.list(RequestContext.from(env), organizationId, first, after);
    }
}
