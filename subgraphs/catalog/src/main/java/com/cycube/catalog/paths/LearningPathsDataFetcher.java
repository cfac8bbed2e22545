package com.cycube.catalog.paths;

import com.cycube.catalog.courses.ContentVisibility;
import com.cycube.catalog.courses.CourseDataLoaders;
import com.cycube.catalog.courses.CourseView;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataLoader;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** Learning path queries, mutations and the path's courses. */
@DgsComponent
public class LearningPathsDataFetcher {

    public static final String LOADER = "learningPaths";

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
        DataLoader<String, CourseView> loader = Objects.requireNonNull(env.getDataLoader(CourseDataLoaders.COURSES));
        RequestContext context = RequestContext.from(env);
        List<CompletableFuture<CourseView>> loads = path.courseIds().stream().map(id -> loader.load(id, context)).toList();
        return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                .thenApply(done -> loads.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList());
    }

    @DgsMutation
    public Map<String, Object> createLearningPath(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("learningPath", paths.create(caller(env), in.string("title"), in.string("description"),
                in.strings("courseIds"), in.enumValue("visibility", ContentVisibility.class)));
    }

    @DgsMutation
    public Map<String, Object> updateLearningPath(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("learningPath", paths.update(caller(env), in.string("learningPathId"), in.longValue("expectedRevision"),
                in.string("title"), in.string("description"), input.containsKey("description"), in.strings("courseIds")));
    }

    @DgsMutation
    public Map<String, Object> publishLearningPath(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("learningPath", paths.publish(caller(env), in.string("learningPathId"), in.longValue("expectedRevision")));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }

    /** Learning paths by id (entity references), tenant-scoped. */
    @DgsDataLoader(name = LOADER)
    public static class Loader extends CallerBatchLoader<String, LearningPathDocument> {
        private final LearningPathService paths;

        public Loader(LearningPathService paths) {
            this.paths = paths;
        }

        @Override
        protected Map<String, LearningPathDocument> loadFor(Caller caller, Set<String> ids) {
            return paths.byIds(caller, ids);
        }
    }
}
