package com.cycube.catalog.federation;

import com.cycube.catalog.courses.CourseAccess;
import com.cycube.catalog.courses.CourseDataLoaders;
import com.cycube.catalog.courses.CourseView;
import com.cycube.catalog.courses.CubeView;
import com.cycube.catalog.courses.ModuleView;
import com.cycube.catalog.paths.LearningPathDocument;
import com.cycube.catalog.paths.LearningPathsDataLoader;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code _entities}: the router's references to catalog entities. Every representation of a request goes
 * through the same tenant-scoped DataLoader, so N references cost one batched read, and a reference to
 * something the caller may not see (a draft, another organization's course) resolves to null — exactly like a
 * missing id.
 */
@DgsComponent
public class EntitiesDataFetcher {

    @DgsEntityFetcher(name = "Course")
    public CompletableFuture<CourseView> course(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        return load(env, CourseDataLoaders.COURSES, values);
    }

    @DgsEntityFetcher(name = "Module")
    public CompletableFuture<ModuleView> module(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        return load(env, CourseDataLoaders.MODULES, values);
    }

    @DgsEntityFetcher(name = "Cube")
    public CompletableFuture<CubeView> cube(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        return load(env, CourseDataLoaders.CUBES, values);
    }

    @DgsEntityFetcher(name = "LearningPath")
    public CompletableFuture<LearningPathDocument> learningPath(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        return load(env, LearningPathsDataLoader.NAME, values);
    }

    /** The catalog only adds authoredCourses to users: the reference itself is all it needs. */
    @DgsEntityFetcher(name = "User")
    public EntityReference user(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        CourseAccess.requireReader(RequestContext.from(env).caller());
        return EntityReference.of("User", values);
    }

    private static <V> CompletableFuture<V> load(DgsDataFetchingEnvironment env, String loader, Map<String, Object> values) {
        CourseAccess.requireReader(RequestContext.from(env).caller());
        return RequestContext.load(env, loader, (String) values.get("id"));
    }
}
