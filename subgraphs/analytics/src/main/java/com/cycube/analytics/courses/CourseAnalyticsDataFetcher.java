package com.cycube.analytics.courses;

import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import graphql.schema.DataFetchingEnvironment;

/** {@code Course.analytics}. */
@DgsComponent
public class CourseAnalyticsDataFetcher {

    private final CourseAnalyticsService analytics;

    public CourseAnalyticsDataFetcher(CourseAnalyticsService analytics) {
        this.analytics = analytics;
    }

    @DgsData(parentType = "Course", field = "analytics")
    public CourseAnalytics analytics(DataFetchingEnvironment env) {
        EntityReference course = env.getSource();
        return analytics.of(RequestContext.from(env).caller(), course.id());
    }
}
