package com.cycube.catalog.courses;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.InputFields;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;

/** The course-authoring mutations: each takes its input record, calls {@link CourseAuthoringService}, returns its payload. */
@DgsComponent
public class CourseAuthoringDataFetcher {

    public record CreateCourseInput(String title, String summary, CourseLevel level, List<String> skillIds,
                                    ContentVisibility visibility) {
    }

    public record UpdateCourseInput(String courseId, Long expectedRevision, String title, String summary,
                                    CourseLevel level, List<String> skillIds) {
    }

    public record AddModuleInput(String courseId, Long expectedRevision, String title, Integer position) {
    }

    public record UpdateModuleInput(String courseId, Long expectedRevision, String moduleId, String title) {
    }

    public record RemoveModuleInput(String courseId, Long expectedRevision, String moduleId) {
    }

    public record ReorderModulesInput(String courseId, Long expectedRevision, List<String> moduleIds) {
    }

    public record AddCubeInput(String courseId, Long expectedRevision, String moduleId, CubeKind kind, String title,
                               String content, String labTemplateId, int estimatedMinutes, Integer position) {
    }

    /** Omitted (null) fields stay as they are. */
    public record UpdateCubeInput(String courseId, Long expectedRevision, String cubeId, CubeKind kind, String title,
                                  String content, String labTemplateId, Integer estimatedMinutes) {

        CubeContent applyTo(CubeContent old) {
            return new CubeContent(old.id(), kind != null ? kind : old.kind(), title != null ? title : old.title(),
                    content != null ? content : old.content(), labTemplateId != null ? labTemplateId : old.labTemplateId(),
                    estimatedMinutes != null ? estimatedMinutes : old.estimatedMinutes());
        }
    }

    public record RemoveCubeInput(String courseId, Long expectedRevision, String cubeId) {
    }

    /** The input of publishCourse and archiveCourse. */
    public record CourseRevisionInput(String courseId, Long expectedRevision) {
    }

    /** The payload of every mutation answering with the course only. */
    public record CoursePayload(CourseView course) {
    }

    public record ModulePayload(ModuleView module, CourseView course) {
    }

    public record RemoveModulePayload(String removedModuleId, CourseView course) {
    }

    public record CubePayload(CubeView cube, CourseView course) {
    }

    public record RemoveCubePayload(String removedCubeId, CourseView course) {
    }

    private final CourseAuthoringService courses;

    public CourseAuthoringDataFetcher(CourseAuthoringService courses) {
        this.courses = courses;
    }

    @DgsMutation
    public CoursePayload createCourse(@InputArgument CreateCourseInput input, DataFetchingEnvironment env) {
        return new CoursePayload(courses.create(caller(env), input.title(), input.summary(), input.level(),
                input.skillIds(), input.visibility()));
    }

    @DgsMutation
    public CoursePayload updateCourse(@InputArgument UpdateCourseInput input, DataFetchingEnvironment env) {
        return new CoursePayload(courses.updateDetails(caller(env), input.courseId(), input.expectedRevision(),
                input.title(), input.summary(), InputFields.sent(env, "summary"), input.level(), input.skillIds()));
    }

    @DgsMutation
    public ModulePayload addModule(@InputArgument AddModuleInput input, DataFetchingEnvironment env) {
        return payload(courses.addModule(caller(env), input.courseId(), input.expectedRevision(), input.title(),
                input.position()));
    }

    @DgsMutation
    public ModulePayload updateModule(@InputArgument UpdateModuleInput input, DataFetchingEnvironment env) {
        return payload(courses.updateModule(caller(env), input.courseId(), input.expectedRevision(), input.moduleId(),
                input.title()));
    }

    @DgsMutation
    public RemoveModulePayload removeModule(@InputArgument RemoveModuleInput input, DataFetchingEnvironment env) {
        return new RemoveModulePayload(input.moduleId(), courses.removeModule(caller(env), input.courseId(),
                input.expectedRevision(), input.moduleId()));
    }

    @DgsMutation
    public CoursePayload reorderModules(@InputArgument ReorderModulesInput input, DataFetchingEnvironment env) {
        return new CoursePayload(courses.reorderModules(caller(env), input.courseId(), input.expectedRevision(),
                input.moduleIds()));
    }

    @DgsMutation
    public CubePayload addCube(@InputArgument AddCubeInput input, DataFetchingEnvironment env) {
        CubeContent asked = new CubeContent(null, input.kind(), input.title(), input.content(), input.labTemplateId(),
                input.estimatedMinutes());
        return payload(courses.addCube(caller(env), input.courseId(), input.expectedRevision(), input.moduleId(), asked,
                input.position()));
    }

    @DgsMutation
    public CubePayload updateCube(@InputArgument UpdateCubeInput input, DataFetchingEnvironment env) {
        return payload(courses.updateCube(caller(env), input.courseId(), input.expectedRevision(), input.cubeId(),
                input::applyTo));
    }

    @DgsMutation
    public RemoveCubePayload removeCube(@InputArgument RemoveCubeInput input, DataFetchingEnvironment env) {
        return new RemoveCubePayload(input.cubeId(), courses.removeCube(caller(env), input.courseId(),
                input.expectedRevision(), input.cubeId()));
    }

    @DgsMutation
    public CoursePayload publishCourse(@InputArgument CourseRevisionInput input, DataFetchingEnvironment env) {
        return new CoursePayload(courses.publish(caller(env), input.courseId(), input.expectedRevision()));
    }

    @DgsMutation
    public CoursePayload archiveCourse(@InputArgument CourseRevisionInput input, DataFetchingEnvironment env) {
        return new CoursePayload(courses.archive(caller(env), input.courseId(), input.expectedRevision()));
    }

    private static ModulePayload payload(ModuleView module) {
        return new ModulePayload(module, module.course());
    }

    private static CubePayload payload(CubeView cube) {
        return new CubePayload(cube, cube.course());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
