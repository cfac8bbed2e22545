package com.cycube.catalog.courses;

import com.cycube.support.errors.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of course content: what makes a title, a module, a cube valid, and what a course needs before it
 * can be published. Every check runs before anything is written, so a rejected input changes nothing.
 * Pure functions: testable without Spring or a database.
 */
public final class CourseRules {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_SUMMARY_LENGTH = 2_000;
    public static final int MAX_CONTENT_LENGTH = 100_000;
    public static final int MAX_MINUTES = 600;

    private CourseRules() {
    }

    public static String title(String title, String what) {
        if (title == null || title.isBlank()) {
            throw DomainException.badInput(what + " title must not be empty");
        }
        String trimmed = title.strip();
        if (trimmed.length() > MAX_TITLE_LENGTH) {
            throw DomainException.badInput(what + " title must be at most " + MAX_TITLE_LENGTH + " characters");
        }
        return trimmed;
    }

    public static String summary(String summary) {
        if (summary == null || summary.isBlank()) {
            return null;
        }
        if (summary.length() > MAX_SUMMARY_LENGTH) {
            throw DomainException.badInput("Summary must be at most " + MAX_SUMMARY_LENGTH + " characters");
        }
        return summary.strip();
    }

    /** A cube valid for its kind; fields that do not belong to the kind are dropped. */
    public static CubeContent cube(String id, CubeKind kind, String title, String content, String labTemplateId,
                                   Integer estimatedMinutes) {
        if (kind == null) {
            throw DomainException.badInput("Cube kind is required");
        }
        String validTitle = title(title, "Cube");
        if (estimatedMinutes == null || estimatedMinutes < 1 || estimatedMinutes > MAX_MINUTES) {
            throw DomainException.badInput("estimatedMinutes must be between 1 and " + MAX_MINUTES);
        }
        String validContent = null;
        String validTemplate = null;
        switch (kind) {
            case READING -> {
                if (content == null || content.isBlank()) {
                    throw DomainException.badInput("A READING cube needs content");
                }
                if (content.length() > MAX_CONTENT_LENGTH) {
                    throw DomainException.badInput("Content must be at most " + MAX_CONTENT_LENGTH + " characters");
                }
                validContent = content;
            }
            case LAB -> {
                if (labTemplateId == null || labTemplateId.isBlank()) {
                    throw DomainException.badInput("A LAB cube needs a labTemplateId");
                }
                validTemplate = labTemplateId.strip();
            }
            case QUIZ -> {
                // questions live in the assessment subgraph, keyed by the cube id
            }
        }
        return new CubeContent(id, kind, validTitle, validContent, validTemplate, estimatedMinutes);
    }

    /** A 1-based insert position into a list of {@code size} items (null: append). */
    public static Integer insertPosition(Integer position, int size) {
        if (position != null && (position < 1 || position > size + 1)) {
            throw DomainException.badInput("position must be between 1 and " + (size + 1));
        }
        return position;
    }

    public static ModuleContent existingModule(CourseContent content, String moduleId) {
        return content.module(moduleId)
                .orElseThrow(() -> DomainException.notFound("Module", moduleId));
    }

    public static CubeContent existingCube(CourseContent content, String cubeId) {
        return content.modules().stream().flatMap(m -> m.cubes().stream())
                .filter(c -> c.id().equals(cubeId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("Cube", cubeId));
    }

    /** The modules in the order given by {@code moduleIds}, which must name every module exactly once. */
    public static List<ModuleContent> reordered(CourseContent content, List<String> moduleIds) {
        Set<String> unique = new HashSet<>(moduleIds == null ? List.of() : moduleIds);
        Set<String> existing = new HashSet<>(content.moduleIds().toList());
        if (moduleIds == null || unique.size() != moduleIds.size() || !unique.equals(existing)) {
            throw DomainException.badInput("moduleIds must list every module of the course exactly once");
        }
        return moduleIds.stream().map(id -> content.module(id).orElseThrow()).toList();
    }

    /** What a draft needs before it can be published. */
    public static void publishable(CourseContent content) {
        title(content.title(), "Course");
        if (content.modules().isEmpty()) {
            throw DomainException.badInput("A course needs at least one module before it can be published");
        }
        for (ModuleContent module : content.modules()) {
            if (module.cubes().isEmpty()) {
                throw DomainException.badInput("Module \"" + module.title() + "\" has no cubes: add one or remove the module before publishing");
            }
        }
    }
}
