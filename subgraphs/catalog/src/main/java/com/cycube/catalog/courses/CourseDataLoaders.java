package com.cycube.catalog.courses;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * The course DataLoaders: each turns all keys asked for while resolving one level of a response into one
 * tenant-scoped read. Keys are loaded with {@code RequestContext.load}, so each batch knows its caller.
 */
public final class CourseDataLoaders {

    private CourseDataLoaders() {
    }

    public static final String CONTENT = "courseContent";
    public static final String COURSES = "courses";
    public static final String MODULES = "modules";
    public static final String CUBES = "cubes";

    /** Published versions' modules and cubes by version document id: one read for a whole page of courses. */
    @DgsDataLoader(name = CONTENT)
    public static class ContentLoader implements MappedBatchLoaderWithContext<String, CourseContent> {
        private final CourseService courses;

        public ContentLoader(CourseService courses) {
            this.courses = courses;
        }

        @Override
        public CompletionStage<Map<String, CourseContent>> load(Set<String> versionIds, BatchLoaderEnvironment env) {
            return CompletableFuture.completedFuture(courses.contents(RequestContext.from(env).caller(), versionIds));
        }
    }

    /** Courses by id as the caller sees them (entity references, learning paths). */
    @DgsDataLoader(name = COURSES)
    public static class CoursesLoader implements MappedBatchLoaderWithContext<String, CourseView> {
        private final CourseService courses;

        public CoursesLoader(CourseService courses) {
            this.courses = courses;
        }

        @Override
        public CompletionStage<Map<String, CourseView>> load(Set<String> ids, BatchLoaderEnvironment env) {
            return CompletableFuture.completedFuture(courses.views(RequestContext.from(env).caller(), ids));
        }
    }

    /** Modules by id (entity references). */
    @DgsDataLoader(name = MODULES)
    public static class ModulesLoader implements MappedBatchLoaderWithContext<String, ModuleView> {
        private final CourseService courses;

        public ModulesLoader(CourseService courses) {
            this.courses = courses;
        }

        @Override
        public CompletionStage<Map<String, ModuleView>> load(Set<String> ids, BatchLoaderEnvironment env) {
            return CompletableFuture.completedFuture(courses.modules(RequestContext.from(env).caller(), ids));
        }
    }

    /** Cubes by id (cube query, entity references). */
    @DgsDataLoader(name = CUBES)
    public static class CubesLoader implements MappedBatchLoaderWithContext<String, CubeView> {
        private final CourseService courses;

        public CubesLoader(CourseService courses) {
            this.courses = courses;
        }

        @Override
        public CompletionStage<Map<String, CubeView>> load(Set<String> ids, BatchLoaderEnvironment env) {
            return CompletableFuture.completedFuture(courses.cubes(RequestContext.from(env).caller(), ids));
        }
    }
}
