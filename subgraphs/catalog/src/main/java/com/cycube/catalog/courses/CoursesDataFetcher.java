package com.cycube.catalog.courses;

import com.cycube.catalog.skills.SkillDocument;
import com.cycube.catalog.skills.SkillsDataLoader;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The course queries and the {@code Course} fields that are not plain properties of {@link CourseView}. */
@DgsComponent
public class CoursesDataFetcher {

    private final CourseQueryService courses;

    public CoursesDataFetcher(CourseQueryService courses) {
        this.courses = courses;
    }

    @DgsQuery
    public Connection<CourseView> courses(@InputArgument Integer first, @InputArgument String after,
                                          @InputArgument CourseFilter filter, DataFetchingEnvironment env) {
        return courses.list(caller(env), filter == null ? CourseFilter.NONE : filter, PageRequest.of(first, after));
    }

    @DgsQuery
    public CourseView course(@InputArgument String id, @InputArgument Integer version, DataFetchingEnvironment env) {
        return courses.get(caller(env), id, version).orElse(null);
    }

    @DgsQuery
    public CompletableFuture<CubeView> cube(@InputArgument String id, DataFetchingEnvironment env) {
        CourseAccess.requireReader(caller(env));
        return RequestContext.load(env, CourseDataLoaders.CUBES, id);
    }

    /** Modules of a page of courses: drafts carry their content; published versions are read in one batch. */
    @DgsData(parentType = "Course", field = "modules")
    public CompletableFuture<List<ModuleView>> modules(DataFetchingEnvironment env) {
        CourseView course = env.getSource();
        if (course.content() != null) {
            return CompletableFuture.completedFuture(ModuleView.of(course, course.content()));
        }
        return RequestContext.<String, CourseContent>load(env, CourseDataLoaders.CONTENT, course.versionDocumentId())
                .thenApply(content -> content == null ? List.of() : ModuleView.of(course, content));
    }

    @DgsData(parentType = "Course", field = "skills")
    public CompletableFuture<List<SkillDocument>> skills(DataFetchingEnvironment env) {
        CourseView course = env.getSource();
        return RequestContext.loadMany(env, SkillsDataLoader.NAME, course.skillIds());
    }

    /** The author as a reference the identity subgraph resolves. */
    @DgsData(parentType = "Course", field = "author")
    public EntityReference author(DataFetchingEnvironment env) {
        CourseView course = env.getSource();
        return course.head().authorId() == null ? null : new EntityReference("User", course.head().authorId());
    }

    @DgsData(parentType = "Course", field = "versions")
    public List<CourseVersionInfo> versions(DataFetchingEnvironment env) {
        return courses.versions(caller(env), env.getSource());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
