package com.cycube.analytics.dashboards;

import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import org.reactivestreams.Publisher;

/** The organization and team dashboards, and the live organization dashboard. */
@DgsComponent
public class DashboardsDataFetcher {

    private final Dashboards dashboards;
    private final DashboardUpdates updates;

    public DashboardsDataFetcher(Dashboards dashboards, DashboardUpdates updates) {
        this.dashboards = dashboards;
        this.updates = updates;
    }

    @DgsQuery
    public OrganizationDashboard organizationDashboard(@InputArgument String organizationId, DataFetchingEnvironment env) {
        return dashboards.organization(RequestContext.from(env).caller(), organizationId);
    }

    @DgsData(parentType = "Team", field = "dashboard")
    public TeamDashboard teamDashboard(DataFetchingEnvironment env) {
        EntityReference team = env.getSource();
        return dashboards.team(RequestContext.from(env).caller(), team.id());
    }

    @DgsSubscription
    public Publisher<OrganizationDashboard> dashboardUpdated(@InputArgument String organizationId,
                                                              DataFetchingEnvironment env) {
        // who may follow which organization is decided as for the query (FORBIDDEN, NOT_FOUND) before following
        OrganizationDashboard now = dashboards.organization(RequestContext.from(env).caller(), organizationId);
        return updates.follow(now.organizationId());
    }
}
