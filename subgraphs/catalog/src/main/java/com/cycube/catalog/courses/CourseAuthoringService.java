package com.cycube.catalog.courses;

import com.cycube.catalog.events.CatalogEvents;
import com.cycube.catalog.search.SearchIndexSync;
import com.cycube.catalog.skills.SkillService;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.persistence.OptimisticRetry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;

/**
 * Authoring courses with the versioned publish workflow: drafts, their modules and cubes, publish and archive.
 *
 * <p>Version model: the head document ({@code courses}) holds the draft; publishing copies the draft into an
 * immutable {@code course_versions} document and then moves the head's {@code publishedVersion} pointer to it.
 * Editing a published course starts a new draft (version n + 1) from version n's content, while version n stays
 * what trainees see until the draft is published. Every change of the head is one compare-and-set on its
 * revision ({@link CourseStore}).
 */
@Service
public class CourseAuthoringService {

    private final CourseStore store;
    private final SkillService skills;
    private final SearchIndexSync search;
    private final Clock clock;

    public CourseAuthoringService(CourseStore store, SkillService skills, SearchIndexSync search, Clock clock) {
        this.store = store;
        this.skills = skills;
        this.search = search;
        this.clock = clock;
    }

    public CourseView create(Caller caller, String title, String summary, CourseLevel level, List<String> skillIds,
                             ContentVisibility visibility) {
        CourseAccess.requireAuthorRole(caller);
        String organizationId = CourseAccess.owningOrganization(caller, visibility,
                "Root authors GLOBAL content; organization courses are authored by their managers");
        if (level == null) {
            throw DomainException.badInput("level is required");
        }
        CourseContent content = new CourseContent(CourseRules.title(title, "Course"), CourseRules.summary(summary), level,
                skills.requireExisting(skillIds), List.of());
        Instant now = clock.instant();
        CourseDocument head = new CourseDocument(UUID.randomUUID().toString(), organizationId, caller.subject(),
                CourseStatus.DRAFT, null, 1, 1, 0, content, null, CourseSummary.of(content), List.of(), List.of(),
                now, now, null);
        return CourseAccess.draftView(store.insertHead(caller, head));
    }

    /** Changes the given details; {@code summaryGiven} tells a summary to clear (null) from one left unchanged. */
    public CourseView updateDetails(Caller caller, String courseId, Long expectedRevision, String title, String summary,
                                    boolean summaryGiven, CourseLevel level, List<String> skillIds) {
        CourseAccess.requireAuthorRole(caller);
        String validTitle = title == null ? null : CourseRules.title(title, "Course");
        String validSummary = CourseRules.summary(summary);
        List<String> validSkills = skillIds == null ? null : skills.requireExisting(skillIds);
        return edit(caller, courseId, expectedRevision, content -> content.withDetails(
                validTitle != null ? validTitle : content.title(),
                summaryGiven ? validSummary : content.summary(),
                level != null ? level : content.level(),
                validSkills != null ? validSkills : content.skillIds()));
    }

    /** Inserts a new, empty module at 1-based {@code position} (appends when null); returns it. */
    public ModuleView addModule(Caller caller, String courseId, Long expectedRevision, String title, Integer position) {
        CourseAccess.requireAuthorRole(caller);
        String validTitle = CourseRules.title(title, "Module");
        String moduleId = UUID.randomUUID().toString();
        CourseView course = edit(caller, courseId, expectedRevision, content -> content.withModuleInserted(
                new ModuleContent(moduleId, validTitle, List.of()),
                CourseRules.insertPosition(position, content.modules().size())));
        return module(course, moduleId);
    }

    public ModuleView updateModule(Caller caller, String courseId, Long expectedRevision, String moduleId, String title) {
        CourseAccess.requireAuthorRole(caller);
        String validTitle = CourseRules.title(title, "Module");
        CourseView course = edit(caller, courseId, expectedRevision, content -> {
            CourseRules.existingModule(content, moduleId);
            return content.withModuleReplaced(moduleId, module -> module.withTitle(validTitle));
        });
        return module(course, moduleId);
    }

    public CourseView removeModule(Caller caller, String courseId, Long expectedRevision, String moduleId) {
        return edit(caller, courseId, expectedRevision, content -> {
            CourseRules.existingModule(content, moduleId);
            return content.withoutModule(moduleId);
        });
    }

    public CourseView reorderModules(Caller caller, String courseId, Long expectedRevision, List<String> moduleIds) {
        return edit(caller, courseId, expectedRevision,
                content -> content.withModules(CourseRules.reordered(content, moduleIds)));
    }

    /**
     * Inserts a cube built from {@code asked} (its id is given here) into the module at 1-based {@code position}
     * (appends when null); returns it. Authorization comes before the cube's validation.
     */
    public CubeView addCube(Caller caller, String courseId, Long expectedRevision, String moduleId, CubeContent asked,
                            Integer position) {
        CourseAccess.requireAuthorRole(caller);
        CubeContent cube = CourseRules.cube(UUID.randomUUID().toString(), asked.kind(), asked.title(), asked.content(),
                asked.labTemplateId(), asked.estimatedMinutes());
        CourseView course = edit(caller, courseId, expectedRevision, content -> {
            ModuleContent module = CourseRules.existingModule(content, moduleId);
            Integer at = CourseRules.insertPosition(position, module.cubes().size());
            return content.withModuleReplaced(moduleId, m -> m.withCubes(CourseContent.insert(m.cubes(), cube, at)));
        });
        return cube(course, cube.id());
    }

    /** Applies {@code change} to the cube and validates the result against the rules of its (new) kind. */
    public CubeView updateCube(Caller caller, String courseId, Long expectedRevision, String cubeId,
                               UnaryOperator<CubeContent> change) {
        CourseView course = edit(caller, courseId, expectedRevision, content -> {
            CubeContent changed = change.apply(CourseRules.existingCube(content, cubeId));
            CubeContent valid = CourseRules.cube(cubeId, changed.kind(), changed.title(), changed.content(),
                    changed.labTemplateId(), changed.estimatedMinutes());
            return content.withCubeReplaced(cubeId, old -> valid);
        });
        return cube(course, cubeId);
    }

    public CourseView removeCube(Caller caller, String courseId, Long expectedRevision, String cubeId) {
        return edit(caller, courseId, expectedRevision, content -> {
            CourseRules.existingCube(content, cubeId);
            return content.withoutCube(cubeId);
        });
    }

    public CourseView publish(Caller caller, String courseId, Long expectedRevision) {
        CourseAccess.requireAuthorRole(caller);
        CourseDocument head = editableHead(caller, courseId, expectedRevision);
        if (!head.hasDraft()) {
            throw DomainException.badInput("There is no draft to publish: edit the course first");
        }
        CourseContent draft = head.draft();
        CourseRules.publishable(draft);
        int version = head.draftVersion();
        Instant now = clock.instant();
        store.insertVersion(caller, new CourseVersionDocument(CourseVersionDocument.idOf(courseId, version), courseId,
                version, head.organizationId(), draft, caller.subject(), now), head);
        CourseDocument published = store.markPublished(caller, head, version, draft, now,
                        CatalogEvents.coursePublished(courseId, head.organizationId(), version, draft,
                                skills.byIds(draft.skillIds()), now))
                .orElseThrow(CourseAuthoringService::concurrentChange);
        search.published(published, draft);
        return CourseAccess.publishedView(published, true).withContent(draft);
    }

    public CourseView archive(Caller caller, String courseId, Long expectedRevision) {
        CourseAccess.requireAuthorRole(caller);
        CourseDocument head = editableHead(caller, courseId, expectedRevision);
        if (head.publishedVersion() == null) {
            throw DomainException.badInput("Only a published course can be archived");
        }
        Instant now = clock.instant();
        CourseDocument archived = store.markArchived(caller, head, now,
                        CatalogEvents.courseArchived(courseId, head.organizationId(), now))
                .orElseThrow(CourseAuthoringService::concurrentChange);
        search.archived(courseId);
        return CourseAccess.publishedView(archived, true);
    }

    /**
     * Every draft edit: read the head, apply {@code change} to the draft (started from the published content if
     * there is none), and save it with a compare-and-set on the head's revision. With an expectedRevision a lost
     * race is CONFLICT (the next attempt finds the revision moved on); without one the edit is re-applied to the
     * newer state ({@link OptimisticRetry}).
     */
    private CourseView edit(Caller caller, String courseId, Long expectedRevision, UnaryOperator<CourseContent> change) {
        CourseAccess.requireAuthorRole(caller);
        return OptimisticRetry.until("The course", () -> {
            CourseDocument head = editableHead(caller, courseId, expectedRevision);
            CourseContent base = head.hasDraft() ? head.draft() : publishedContent(caller, head);
            int draftVersion = head.hasDraft() ? head.draftVersion() : head.latestVersion() + 1;
            return store.saveDraft(caller, head, change.apply(base), draftVersion, clock.instant())
                    .map(CourseAccess::draftView);
        });
    }

    /**
     * The head of a course the caller may change. A course the caller cannot see at all is NOT_FOUND (another
     * organization's, or a global draft); one they can see but not author (a global course for a manager) is
     * FORBIDDEN.
     */
    private CourseDocument editableHead(Caller caller, String courseId, Long expectedRevision) {
        CourseDocument head = store.findHead(caller, courseId)
                .orElseThrow(() -> DomainException.notFound("Course", courseId));
        if (!CourseAccess.authors(caller, head.organizationId())) {
            if (CourseAccess.currentView(caller, head).isPresent()) {
                throw DomainException.forbidden("Only root may change global courses");
            }
            throw DomainException.notFound("Course", courseId);
        }
        if (expectedRevision != null && head.revision() != expectedRevision) {
            throw concurrentChange();
        }
        if (head.isArchived()) {
            throw DomainException.badInput("An archived course cannot be changed");
        }
        return head;
    }

    private CourseContent publishedContent(Caller caller, CourseDocument head) {
        return store.findVersion(caller, head.id(), head.publishedVersion())
                .map(CourseVersionDocument::content)
                .orElseThrow(() -> new IllegalStateException("Course " + head.id() + " misses its published version"));
    }

    private static ModuleView module(CourseView draft, String moduleId) {
        return ModuleView.of(draft, draft.content()).stream()
                .filter(m -> m.id().equals(moduleId)).findFirst().orElseThrow();
    }

    private static CubeView cube(CourseView draft, String cubeId) {
        return ModuleView.of(draft, draft.content()).stream().flatMap(m -> m.cubes().stream())
                .filter(c -> c.id().equals(cubeId)).findFirst().orElseThrow();
    }

    private static DomainException concurrentChange() {
        return DomainException.conflict("The course was changed by someone else: reload it and try again");
    }
}
