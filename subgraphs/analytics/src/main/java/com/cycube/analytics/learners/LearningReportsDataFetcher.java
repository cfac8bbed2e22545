package com.cycube.analytics.learners;

import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import graphql.schema.DataFetchingEnvironment;

/** {@code User.learningReport}. */
@DgsComponent
public class LearningReportsDataFetcher {

    private final LearningReports reports;

    public LearningReportsDataFetcher(LearningReports reports) {
        this.reports = reports;
    }

    @DgsData(parentType = "User", field = "learningReport")
    public LearningReport learningReport(DataFetchingEnvironment env) {
        EntityReference user = env.getSource();
        return reports.of(RequestContext.from(env).caller(), user.id());
    }
}
