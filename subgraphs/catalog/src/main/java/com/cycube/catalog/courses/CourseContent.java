package com.cycube.catalog.courses;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Everything a version of a course says: title, summary, level, skills and the ordered tree of modules and
 * cubes. A published version's content never changes; a draft's content is replaced as a whole on each edit.
 * The edit methods return new content and know nothing about who may edit (see {@link CourseRules}).
 */
public record CourseContent(String title, String summary, CourseLevel level, List<String> skillIds,
                            List<ModuleContent> modules) {

    public CourseContent {
        skillIds = skillIds == null ? List.of() : List.copyOf(skillIds);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public int estimatedMinutes() {
        return modules.stream().mapToInt(ModuleContent::estimatedMinutes).sum();
    }

    public Optional<ModuleContent> module(String moduleId) {
        return modules.stream().filter(m -> m.id().equals(moduleId)).findFirst();
    }

    /** The module holding {@code cubeId}, if any. */
    public Optional<ModuleContent> moduleOfCube(String cubeId) {
        return modules.stream().filter(m -> m.cubes().stream().anyMatch(c -> c.id().equals(cubeId))).findFirst();
    }

    public Stream<String> moduleIds() {
        return modules.stream().map(ModuleContent::id);
    }

    public Stream<String> cubeIds() {
        return modules.stream().flatMap(m -> m.cubes().stream()).map(CubeContent::id);
    }

    public CourseContent withDetails(String newTitle, String newSummary, CourseLevel newLevel, List<String> newSkillIds) {
        return new CourseContent(newTitle, newSummary, newLevel, newSkillIds, modules);
    }

    public CourseContent withModules(List<ModuleContent> newModules) {
        return new CourseContent(title, summary, level, skillIds, newModules);
    }

    /** Inserts at 1-based {@code position}, or appends when it is null. */
    public CourseContent withModuleInserted(ModuleContent module, Integer position) {
        return withModules(insert(modules, module, position));
    }

    public CourseContent withModuleReplaced(String moduleId, UnaryOperator<ModuleContent> change) {
        return withModules(modules.stream().map(m -> m.id().equals(moduleId) ? change.apply(m) : m).toList());
    }

    public CourseContent withoutModule(String moduleId) {
        return withModules(modules.stream().filter(m -> !m.id().equals(moduleId)).toList());
    }

    public CourseContent withCubeReplaced(String cubeId, UnaryOperator<CubeContent> change) {
        return withModules(modules.stream()
                .map(m -> m.withCubes(m.cubes().stream().map(c -> c.id().equals(cubeId) ? change.apply(c) : c).toList()))
                .toList());
    }

    public CourseContent withoutCube(String cubeId) {
        return withModules(modules.stream()
                .map(m -> m.withCubes(m.cubes().stream().filter(c -> !c.id().equals(cubeId)).toList()))
                .toList());
    }

    static <T> List<T> insert(List<T> list, T item, Integer position) {
        List<T> copy = new ArrayList<>(list);
        if (position == null) {
            copy.add(item);
        } else {
            copy.add(position - 1, item);
        }
        return copy;
    }
}
