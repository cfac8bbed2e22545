package com.cycube.catalog.courses;

import com.cycube.catalog.skills.SkillDocument;
import com.cycube.catalog.skills.SkillsDataLoader;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** The course queries and the {@code Course} fields that are not plain properties of {@link CourseView}. */
@DgsComponent
public class CoursesDataFetcher {

    private final CourseService courses;

    public CoursesDataFetcher(CourseService courses) {
        this.courses = courses;
    }

    @DgsQuery
    public Connection<CourseView> courses(@InputArgument Integer first, @InputArgument String after,
                                          @InputArgument Map<String, Object> filter, DataFetchingEnvironment env) {
        return courses.list(caller(env), filter(filter), PageRequest.of(first, after));
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
        DataLoader<String, SkillDocument> loader = env.getDataLoader(SkillsDataLoader.NAME);
        return Objects.requireNonNull(loader).loadMany(course.skillIds())
                .thenApply(skills -> skills.stream().filter(Objects::nonNull).toList());
    }

    @DgsData(parentType = "Course", field = "author")
    public UserReference author(DataFetchingEnvironment env) {
        CourseView course = env.getSource();
        return course.head().authorId() == null ? null : new UserReference(course.head().authorId());
    }

    @DgsData(parentType = "Course", field = "versions")
    public List<CourseVersionInfo> versions(DataFetchingEnvironment env) {
        return courses.versions(caller(env), env.getSource());
    }

    static CourseFilter filter(Map<String, Object> filter) {
        if (filter == null) {
            return CourseFilter.NONE;
        }
        Inputs in = Inputs.of(filter);
        return new CourseFilter(in.enumValue("status", CourseStatus.class), in.string("skillId"),
                in.enumValue("level", CourseLevel.class), in.string("authorId"),
                in.enumValue("visibility", ContentVisibility.class));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
