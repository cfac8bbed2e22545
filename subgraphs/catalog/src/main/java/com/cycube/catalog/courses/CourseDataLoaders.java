package com.cycube.catalog.courses;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;

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
    public static class ContentLoader extends CallerBatchLoader<String, CourseContent> {
        private final CourseQueryService courses;

        public ContentLoader(CourseQueryService courses) {
            this.courses = courses;
        }

        @Override
        protected Map<String, CourseContent> loadFor(Caller caller, Set<String> versionIds) {
            return courses.contents(caller, versionIds);
        }
    }

    /** Courses by id as the caller sees them (entity references, learning paths). */
    @DgsDataLoader(name = COURSES)
    public static class CoursesLoader extends CallerBatchLoader<String, CourseView> {
        private final CourseQueryService courses;

        public CoursesLoader(CourseQueryService courses) {
            this.courses = courses;
        }

        @Override
        protected Map<String, CourseView> loadFor(Caller caller, Set<String> ids) {
            return courses.views(caller, ids);
        }
    }

    /** Modules by id (entity references). */
    @DgsDataLoader(name = MODULES)
    public static class ModulesLoader extends CallerBatchLoader<String, ModuleView> {
        private final CourseQueryService courses;

        public ModulesLoader(CourseQueryService courses) {
            this.courses = courses;
        }

        @Override
        protected Map<String, ModuleView> loadFor(Caller caller, Set<String> ids) {
            return courses.modules(caller, ids);
        }
    }

    /** Cubes by id (cube query, entity references). */
    @DgsDataLoader(name = CUBES)
    public static class CubesLoader extends CallerBatchLoader<String, CubeView> {
        private final CourseQueryService courses;

        public CubesLoader(CourseQueryService courses) {
            this.courses = courses;
        }

        @Override
        protected Map<String, CubeView> loadFor(Caller caller, Set<String> ids) {
            return courses.cubes(caller, ids);
        }
    }
}
