package com.cycube.catalog.paths;

import com.cycube.catalog.courses.ContentVisibility;
import com.cycube.catalog.courses.CourseDataLoaders;
import com.cycube.catalog.courses.CourseView;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.InputFields;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Learning path queries, mutations and the path's courses. */
@DgsComponent
public class LearningPathsDataFetcher {

    public record CreateLearningPathInput(String title, String description, List<String> courseIds,
                                          ContentVisibility visibility) {
    }

    public record UpdateLearningPathInput(String learningPathId, Long expectedRevision, String title, String description,
                                          List<String> courseIds) {
    }

    public record PublishLearningPathInput(String learningPathId, Long expectedRevision) {
    }

    /** The payload of every learning-path mutation. */
    public record LearningPathPayload(LearningPathDocument learningPath) {
    }

    private final LearningPathService paths;

    public LearningPathsDataFetcher(LearningPathService paths) {
        this.paths = paths;
    }

    @DgsQuery
    public Connection<LearningPathDocument> learningPaths(@InputArgument Integer first, @InputArgument String after,
                                                          DataFetchingEnvironment env) {
        return paths.list(caller(env), PageRequest.of(first, after));
    }

    @DgsQuery
    public LearningPathDocument learningPath(@InputArgument String id, DataFetchingEnvironment env) {
        return paths.get(caller(env), id).orElse(null);
    }

    /** The path's courses in order, each as the caller sees it; courses the caller cannot see are left out. */
    @DgsData(parentType = "LearningPath", field = "courses")
    public CompletableFuture<List<CourseView>> courses(DataFetchingEnvironment env) {
        LearningPathDocument path = env.getSource();
        return RequestContext.loadMany(env, CourseDataLoaders.COURSES, path.courseIds());
    }

    @DgsMutation
    public LearningPathPayload createLearningPath(@InputArgument CreateLearningPathInput input, DataFetchingEnvironment env) {
        return new LearningPathPayload(paths.create(caller(env), input.title(), input.description(), input.courseIds(),
                input.visibility()));
    }

    @DgsMutation
    public LearningPathPayload updateLearningPath(@InputArgument UpdateLearningPathInput input, DataFetchingEnvironment env) {
        return new LearningPathPayload(paths.update(caller(env), input.learningPathId(), input.expectedRevision(),
                input.title(), input.description(), InputFields.sent(env, "description"),
                input.courseIds()));
    }

    @DgsMutation
    public LearningPathPayload publishLearningPath(@InputArgument PublishLearningPathInput input, DataFetchingEnvironment env) {
        return new LearningPathPayload(paths.publish(caller(env), input.learningPathId(), input.expectedRevision()));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
