package com.cycube.training.federation;

import com.cycube.support.context.RequestContext;
import com.cycube.training.assignments.AssignmentDataLoader;
import com.cycube.training.assignments.AssignmentDocument;
import com.cycube.training.enrollments.EnrollmentDataLoaders;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code _entities}: the router's references. Training's own entities go through tenant-scoped DataLoaders (N
 * references, one read; what the caller may not see resolves to null, exactly like a missing id). References to
 * other subgraphs' entities are just their ids: the fields training adds to them are batched per caller.
 */
@DgsComponent
public class EntitiesDataFetcher {

    @DgsEntityFetcher(name = "Enrollment")
    public CompletableFuture<EnrollmentDocument> enrollment(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, EnrollmentDataLoaders.ENROLLMENTS, (String) values.get("id"));
    }

    @DgsEntityFetcher(name = "Assignment")
    public CompletableFuture<AssignmentDocument> assignment(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, AssignmentDataLoader.NAME, (String) values.get("id"));
    }

    @DgsEntityFetcher(name = "User")
    public UserReference user(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return new UserReference((String) values.get("id"));
    }

    @DgsEntityFetcher(name = "Course")
    public CourseReference course(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return new CourseReference((String) values.get("id"));
    }

    @DgsEntityFetcher(name = "Team")
    public TeamReference team(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return new TeamReference((String) values.get("id"));
    }
}
