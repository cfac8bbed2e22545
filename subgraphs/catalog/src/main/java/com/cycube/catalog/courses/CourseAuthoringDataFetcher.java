package com.cycube.catalog.courses;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;

/** The course-authoring mutations: each reads its input, calls {@link CourseService} and shapes the payload. */
@DgsComponent
public class CourseAuthoringDataFetcher {

    private final CourseService courses;

    public CourseAuthoringDataFetcher(CourseService courses) {
        this.courses = courses;
    }

    @DgsMutation
    public Map<String, Object> createCourse(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("course", courses.create(caller(env), in.string("title"), in.string("summary"),
                in.enumValue("level", CourseLevel.class), in.strings("skillIds"),
                in.enumValue("visibility", ContentVisibility.class)));
    }

    @DgsMutation
    public Map<String, Object> updateCourse(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("course", courses.updateDetails(caller(env), in.string("courseId"), in.longValue("expectedRevision"),
                in.string("title"), in.string("summary"), input.containsKey("summary"),
                in.enumValue("level", CourseLevel.class), in.strings("skillIds")));
    }

    @DgsMutation
    public Map<String, Object> addModule(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        String moduleId = UUID.randomUUID().toString();
        CourseView course = courses.addModule(caller(env), in.string("courseId"), in.longValue("expectedRevision"),
                moduleId, in.string("title"), in.integer("position"));
        return Map.of("module", module(course, moduleId), "course", course);
    }

    @DgsMutation
    public Map<String, Object> updateModule(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        String moduleId = in.string("moduleId");
        CourseView course = courses.updateModule(caller(env), in.string("courseId"), in.longValue("expectedRevision"),
                moduleId, in.string("title"));
        return Map.of("module", module(course, moduleId), "course", course);
    }

    @DgsMutation
    public Map<String, Object> removeModule(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        CourseView course = courses.removeModule(caller(env), in.string("courseId"), in.longValue("expectedRevision"),
                in.string("moduleId"));
        return Map.of("removedModuleId", in.string("moduleId"), "course", course);
    }

    @DgsMutation
    public Map<String, Object> reorderModules(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("course", courses.reorderModules(caller(env), in.string("courseId"), in.longValue("expectedRevision"),
                in.strings("moduleIds")));
    }

    @DgsMutation
    public Map<String, Object> addCube(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        CourseAccess.requireAuthorRole(caller(env)); // authorization before input validation
        String cubeId = UUID.randomUUID().toString();
        CubeContent cube = CourseRules.cube(cubeId, in.enumValue("kind", CubeKind.class), in.string("title"),
                in.string("content"), in.string("labTemplateId"), in.integer("estimatedMinutes"));
        CourseView course = courses.addCube(caller(env), in.string("courseId"), in.longValue("expectedRevision"),
                in.string("moduleId"), cube, in.integer("position"));
        return Map.of("cube", cube(course, cubeId), "course", course);
    }

    @DgsMutation
    public Map<String, Object> updateCube(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        String cubeId = in.string("cubeId");
        CourseView course = courses.updateCube(caller(env), in.string("courseId"), in.longValue("expectedRevision"), cubeId,
                old -> new CubeContent(cubeId,
                        in.has("kind") ? in.enumValue("kind", CubeKind.class) : old.kind(),
                        in.has("title") ? in.string("title") : old.title(),
                        in.has("content") ? in.string("content") : old.content(),
                        in.has("labTemplateId") ? in.string("labTemplateId") : old.labTemplateId(),
                        in.has("estimatedMinutes") ? in.integer("estimatedMinutes") : old.estimatedMinutes()));
        return Map.of("cube", cube(course, cubeId), "course", course);
    }

    @DgsMutation
    public Map<String, Object> removeCube(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        CourseView course = courses.removeCube(caller(env), in.string("courseId"), in.longValue("expectedRevision"),
                in.string("cubeId"));
        return Map.of("removedCubeId", in.string("cubeId"), "course", course);
    }

    @DgsMutation
    public Map<String, Object> publishCourse(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("course", courses.publish(caller(env), in.string("courseId"), in.longValue("expectedRevision")));
    }

    @DgsMutation
    public Map<String, Object> archiveCourse(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("course", courses.archive(caller(env), in.string("courseId"), in.longValue("expectedRevision")));
    }

    private static ModuleView module(CourseView course, String moduleId) {
        return ModuleView.of(course, course.content()).stream()
                .filter(m -> m.id().equals(moduleId)).findFirst().orElseThrow();
    }

    private static CubeView cube(CourseView course, String cubeId) {
        return ModuleView.of(course, course.content()).stream().flatMap(m -> m.cubes().stream())
                .filter(c -> c.id().equals(cubeId)).findFirst().orElseThrow();
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
