package com.cycube.training.federation;

import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.training.assignments.AssignmentDataLoader;
import com.cycube.training.assignments.AssignmentDocument;
import com.cycube.training.enrollments.EnrollmentDataLoaders;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.progress.TeamProgress;
import com.cycube.training.progress.TeamProgressDataLoader;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code _entities} and the fields training adds to other subgraphs' entities. Training's own entities load through
 * tenant-scoped DataLoaders (N references, one read; what the caller may not see resolves to null, exactly like a
 * missing id). References to other subgraphs' entities are just their type and id; the fields training adds to them
 * ({@code User.enrollments}, {@code Course.myEnrollment}, {@code Team.progress}) are batched per caller.
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
    public EntityReference user(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("User", values);
    }

    @DgsEntityFetcher(name = "Course")
    public EntityReference course(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("Course", values);
    }

    @DgsEntityFetcher(name = "Team")
    public EntityReference team(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("Team", values);
    }

    @DgsData(parentType = "User", field = "enrollments")
    public CompletableFuture<Connection<EnrollmentDocument>> userEnrollments(@InputArgument Integer first,
                                                                           @InputArgument String after,
                                                                           DataFetchingEnvironment env) {
        PageRequest.of(first, after); // BAD_USER_INPUT for a bad page before anything is loaded
        EntityReference user = env.getSource();
        return RequestContext.load(env, EnrollmentDataLoaders.ENROLLMENTS_OF_USER,
                new EnrollmentDataLoaders.UserPage(user.id(), first, after));
    }

    @DgsData(parentType = "Course", field = "myEnrollment")
    public CompletableFuture<EnrollmentDocument> myEnrollment(DataFetchingEnvironment env) {
        EntityReference course = env.getSource();
        return RequestContext.load(env, EnrollmentDataLoaders.MY_ENROLLMENT_BY_COURSE, course.id());
    }

    @DgsData(parentType = "Team", field = "progress")
    public CompletableFuture<TeamProgress> teamProgress(DataFetchingEnvironment env) {
        EntityReference team = env.getSource();
        return RequestContext.load(env, TeamProgressDataLoader.NAME, team.id());
    }
}
