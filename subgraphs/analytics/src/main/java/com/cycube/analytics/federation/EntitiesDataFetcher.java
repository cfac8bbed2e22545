package com.cycube.analytics.federation;

import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import java.util.Map;

/**
 * {@code _entities}: analytics owns no entity; it adds fields to identity's users and teams and the catalog's courses,
 * whose references are just their type and id (the fields check who may read them).
 */
@DgsComponent
public class EntitiesDataFetcher {

    @DgsEntityFetcher(name = "User")
    public EntityReference user(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("User", values);
    }

    @DgsEntityFetcher(name = "Team")
    public EntityReference team(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("Team", values);
    }

    @DgsEntityFetcher(name = "Course")
    public EntityReference course(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("Course", values);
    }
}
