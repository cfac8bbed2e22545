package com.cycube.catalog.courses;

import com.cycube.catalog.events.CatalogEvents;
import com.cycube.catalog.search.SearchIndexSync;
import com.cycube.catalog.skills.SkillService;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The course use cases: browsing and reading with per-caller visibility, and authoring with the versioned
 * publish workflow.
 *
 * <p>Version model: the head document ({@code courses}) holds the draft; publishing copies the draft into an
 * immutable {@code course_versions} document and then moves the head's {@code publishedVersion} pointer to it.
 * Editing a published course starts a new draft (version n + 1) from version n's content, while version n stays
 * what trainees see until the draft is published.
 */
@Service
public class CourseService {

    private static final int MAX_EDIT_ATTEMPTS = 3;

    private final CourseStore store;
    private final SkillService skills;
    private final SearchIndexSync search;
    private final Clock clock;

    public CourseService(CourseStore store, SkillService skills, SearchIndexSync search, Clock clock) {
        this.store = store;
        this.skills = skills;
        this.search = search;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    public Connection<CourseView> list(Caller caller, CourseFilter filter, PageRequest page) {
        CourseAccess.requireReader(caller);
        List<CourseView> views = store.page(caller, filter, page).stream()
                .map(head -> CourseAccess.currentView(caller, head))
                .flatMap(Optional::stream)
                .toList();
        return Connection.of(views, page, store.count(caller, filter));
    }

    public Optional<CourseView> get(Caller caller, String id, Integer version) {
        CourseAccess.requireReader(caller);
        Optional<CourseDocument> head = store.findHead(caller, id);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        if (version == null) {
            return CourseAccess.currentView(caller, head.get());
        }
        Optional<CourseView> view = CourseAccess.versionView(caller, head.get(), version);
        if (view.isPresent() || !CourseAccess.mayReadOldVersion(caller, head.get(), version)) {
            return view;
        }
        return store.findVersion(caller, id, version).map(old -> CourseAccess.oldVersionView(head.get(), old));
    }

    /** The version history for authors; null for everyone else. */
    public List<CourseVersionInfo> versions(Caller caller, CourseView view) {
        if (!view.forAuthor()) {
            return null;
        }
        CourseDocument head = view.head();
        List<CourseVersionInfo> versions = new ArrayList<>();
        if (head.hasDraft()) {
            versions.add(new CourseVersionInfo(head.draftVersion(), CourseStatus.DRAFT, null));
        }
        for (CourseVersionDocument published : store.versionHistory(caller, head.id())) {
            CourseStatus status = published.version() != head.publishedVersion() ? CourseStatus.SUPERSEDED
                    : head.isArchived() ? CourseStatus.ARCHIVED : CourseStatus.PUBLISHED;
            versions.add(new CourseVersionInfo(published.version(), status, published.publishedAt()));
        }
        return versions;
    }

    /** Batch: the caller's view of each course (absent when not visible). */
    public Map<String, CourseView> views(Caller caller, Collection<String> courseIds) {
        CourseAccess.requireReader(caller);
        Map<String, CourseView> views = new HashMap<>();
        for (CourseDocument head : store.findHeads(caller, courseIds)) {
            CourseAccess.currentView(caller, head).ifPresent(view -> views.put(head.id(), view));
        }
        return views;
    }

    /** Batch: the content of published versions by version document id. */
    public Map<String, CourseContent> contents(Caller caller, Collection<String> versionDocumentIds) {
        Map<String, CourseContent> contents = new HashMap<>();
        store.findVersions(caller, versionDocumentIds).forEach((id, version) -> contents.put(id, version.content()));
        return contents;
    }

    /** Batch: modules by id, each in the version of its course the caller sees (two queries for any number). */
    public Map<String, ModuleView> modules(Caller caller, Collection<String> moduleIds) {
        Map<String, ModuleView> found = new HashMap<>();
        for (CourseView course : viewsWithContent(caller, "moduleIds", moduleIds)) {
            for (ModuleView module : ModuleView.of(course, course.content())) {
                if (moduleIds.contains(module.id())) {
                    found.put(module.id(), module);
                }
            }
        }
        return found;
    }

    /** Batch: cubes by id, each in the version of its course the caller sees (two queries for any number). */
    public Map<String, CubeView> cubes(Caller caller, Collection<String> cubeIds) {
        Map<String, CubeView> found = new HashMap<>();
        for (CourseView course : viewsWithContent(caller, "cubeIds", cubeIds)) {
            for (ModuleView module : ModuleView.of(course, course.content())) {
                for (CubeView cube : module.cubes()) {
                    if (cubeIds.contains(cube.id())) {
                        found.put(cube.id(), cube);
                    }
                }
            }
        }
        return found;
    }

    private List<CourseView> viewsWithContent(Caller caller, String idField, Collection<String> ids) {
        CourseAccess.requireReader(caller);
        List<CourseView> views = store.findHeadsContaining(caller, idField, ids).stream()
                .map(head -> CourseAccess.currentView(caller, head))
                .flatMap(Optional::stream)
                .toList();
        List<String> missing = views.stream().filter(v -> v.content() == null).map(CourseView::versionDocumentId).toList();
        Map<String, CourseContent> loaded = missing.isEmpty() ? Map.of() : contents(caller, missing);
        return views.stream()
                .map(v -> v.content() != null ? v : v.withContent(loaded.get(v.versionDocumentId())))
                .filter(v -> v.content() != null)
                .toList();
    }

    // ---------------------------------------------------------------- authoring

    public CourseView create(Caller caller, String title, String summary, CourseLevel level, List<String> skillIds,
                             ContentVisibility visibility) {
        CourseAccess.requireAuthorRole(caller);
        String organizationId = owningOrganization(caller, visibility);
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

    public CourseView addModule(Caller caller, String courseId, Long expectedRevision, String moduleId, String title,
                                Integer position) {
        CourseAccess.requireAuthorRole(caller);
        String validTitle = CourseRules.title(title, "Module");
        return edit(caller, courseId, expectedRevision, content -> content.withModuleInserted(
                new ModuleContent(moduleId, validTitle, List.of()),
                CourseRules.insertPosition(position, content.modules().size())));
    }

    public CourseView updateModule(Caller caller, String courseId, Long expectedRevision, String moduleId, String title) {
        CourseAccess.requireAuthorRole(caller);
        String validTitle = CourseRules.title(title, "Module");
        return edit(caller, courseId, expectedRevision, content -> {
            CourseRules.existingModule(content, moduleId);
            return content.withModuleReplaced(moduleId, module -> module.withTitle(validTitle));
        });
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

    public CourseView addCube(Caller caller, String courseId, Long expectedRevision, String moduleId, CubeContent cube,
                              Integer position) {
        return edit(caller, courseId, expectedRevision, content -> {
            ModuleContent module = CourseRules.existingModule(content, moduleId);
            Integer at = CourseRules.insertPosition(position, module.cubes().size());
            return content.withModuleReplaced(moduleId, m -> m.withCubes(CourseContent.insert(m.cubes(), cube, at)));
        });
    }

    /** Applies {@code change} to the cube and validates the result against the rules of its (new) kind. */
    public CourseView updateCube(Caller caller, String courseId, Long expectedRevision, String cubeId,
                                 UnaryOperator<CubeContent> change) {
        return edit(caller, courseId, expectedRevision, content -> {
            CubeContent changed = change.apply(CourseRules.existingCube(content, cubeId));
            CubeContent valid = CourseRules.cube(cubeId, changed.kind(), changed.title(), changed.content(),
                    changed.labTemplateId(), changed.estimatedMinutes());
            return content.withCubeReplaced(cubeId, old -> valid);
        });
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
        List<String> moduleIds = draft.moduleIds().toList();
        List<String> cubeIds = draft.cubeIds().toList();
        Update update = new Update()
                .set("status", CourseStatus.PUBLISHED)
                .set("publishedVersion", version)
                .set("draftVersion", null)
                .set("draft", null)
                .set("published", CourseSummary.of(draft))
                .set("current", CourseSummary.of(draft))
                .set("moduleIds", moduleIds)
                .set("cubeIds", cubeIds)
                .set("publishedAt", now)
                .set("updatedAt", now);
        Outbox.record(update, CatalogEvents.coursePublished(courseId, head.organizationId(), version, draft, now));
        CourseDocument published = store.compareAndSet(caller, head, update)
                .orElseThrow(CourseService::concurrentChange);
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
        Update update = new Update()
                .set("status", CourseStatus.ARCHIVED)
                .set("current", head.published())
                .set("updatedAt", now);
        Outbox.record(update, CatalogEvents.courseArchived(courseId, head.organizationId(), now));
        CourseDocument archived = store.compareAndSet(caller, head, update)
                .orElseThrow(CourseService::concurrentChange);
        search.archived(courseId);
        return CourseAccess.publishedView(archived, true);
    }

    /**
     * Every draft edit: read the head, apply {@code change} to the draft (started from the published content if
     * there is none), and save it with a compare-and-set on the head's revision. With an expectedRevision a lost
     * race is CONFLICT; without one the edit is re-applied to the newer state (a few times at most).
     */
    private CourseView edit(Caller caller, String courseId, Long expectedRevision, UnaryOperator<CourseContent> change) {
        CourseAccess.requireAuthorRole(caller);
        for (int attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
            CourseDocument head = editableHead(caller, courseId, expectedRevision);
            CourseContent base = head.hasDraft() ? head.draft() : publishedContent(caller, head);
            int draftVersion = head.hasDraft() ? head.draftVersion() : head.latestVersion() + 1;
            CourseContent next = change.apply(base);
            Update update = new Update()
                    .set("draft", next)
                    .set("draftVersion", draftVersion)
                    .set("latestVersion", Math.max(head.latestVersion(), draftVersion))
                    .set("current", CourseSummary.of(next))
                    .set("moduleIds", union(head.moduleIds(), next.moduleIds()))
                    .set("cubeIds", union(head.cubeIds(), next.cubeIds()))
                    .set("updatedAt", clock.instant());
            Optional<CourseDocument> saved = store.compareAndSet(caller, head, update);
            if (saved.isPresent()) {
                return CourseAccess.draftView(saved.get());
            }
            if (expectedRevision != null) {
                break;
            }
        }
        throw concurrentChange();
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

    private static String owningOrganization(Caller caller, ContentVisibility requested) {
        if (caller.isRoot()) {
            if (requested == ContentVisibility.ORGANIZATION) {
                throw DomainException.badInput("Root authors GLOBAL content; organization courses are authored by their managers");
            }
            return null;
        }
        if (requested == ContentVisibility.GLOBAL) {
            throw DomainException.forbidden("Only root authors global content");
        }
        return caller.requireOrganization();
    }

    private static List<String> union(List<String> existing, Stream<String> added) {
        Set<String> all = new LinkedHashSet<>(existing == null ? List.of() : existing);
        added.forEach(all::add);
        return List.copyOf(all);
    }

    private static DomainException concurrentChange() {
        return DomainException.conflict("The course was changed by someone else: reload it and try again");
    }
}
