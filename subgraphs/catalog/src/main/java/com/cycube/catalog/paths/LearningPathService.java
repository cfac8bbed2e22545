package com.cycube.catalog.paths;

import com.cycube.catalog.courses.ContentVisibility;
import com.cycube.catalog.courses.CourseAccess;
import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseRules;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseStore;
import com.cycube.catalog.events.CatalogEvents;
import com.cycube.catalog.paths.LearningPathStore.PathPublication;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Learning paths: the same visibility and authoring rules as courses (root: global, managers: their
 * organization; trainees see published paths only). A path may only list courses that everyone who can see the
 * path can see: published courses that are global, or — for an organization's path — of that organization.
 * Each publication (and each change of a published path) is announced as a {@code LearningPathPublished} whose
 * {@code version} counts the path's publications, stored by the same write.
 */
@Service
public class LearningPathService {

    public static final int MAX_COURSES = 50;

    private final LearningPathStore store;
    private final CourseStore courses;
    private final Clock clock;

    public LearningPathService(LearningPathStore store, CourseStore courses, Clock clock) {
        this.store = store;
        this.courses = courses;
        this.clock = clock;
    }

    public Connection<LearningPathDocument> list(Caller caller, PageRequest page) {
        CourseAccess.requireReader(caller);
        return Connection.of(store.page(caller, page), page, store.count(caller));
    }

    public Optional<LearningPathDocument> get(Caller caller, String id) {
        CourseAccess.requireReader(caller);
        return store.findById(caller, id).filter(path -> visibleTo(caller, path));
    }

    public Map<String, LearningPathDocument> byIds(Caller caller, Collection<String> ids) {
        CourseAccess.requireReader(caller);
        return store.findByIds(caller, ids).stream().filter(path -> visibleTo(caller, path))
                .collect(Collectors.toMap(LearningPathDocument::id, Function.identity()));
    }

    public LearningPathDocument create(Caller caller, String title, String description, List<String> courseIds,
                                       ContentVisibility visibility) {
        CourseAccess.requireAuthorRole(caller);
        String organizationId = CourseAccess.owningOrganization(caller, visibility,
                "Root authors GLOBAL learning paths; organization paths are authored by their managers");
        String validTitle = CourseRules.title(title, "Learning path");
        List<String> validCourses = validCourses(caller, organizationId, courseIds);
        Instant now = clock.instant();
        LearningPathDocument path = new LearningPathDocument(UUID.randomUUID().toString(), organizationId,
                caller.subject(), validTitle, CourseRules.summary(description), validCourses, CourseStatus.DRAFT, 0, 0L,
                now, now, null);
        return store.insert(caller, path);
    }

    /** Changes the given fields; {@code descriptionGiven} tells a description to clear (null) from one left unchanged. */
    public LearningPathDocument update(Caller caller, String id, Long expectedRevision, String title, String description,
                                       boolean descriptionGiven, List<String> courseIds) {
        CourseAccess.requireAuthorRole(caller);
        LearningPathDocument path = editable(caller, id, expectedRevision);
        String newTitle = title != null ? CourseRules.title(title, "Learning path") : path.title();
        String newDescription = descriptionGiven ? CourseRules.summary(description) : path.description();
        List<String> newCourses = path.courseIds();
        if (courseIds != null) {
            newCourses = validCourses(caller, path.organizationId(), courseIds);
            if (path.status() == CourseStatus.PUBLISHED && newCourses.isEmpty()) {
                throw DomainException.badInput("A published learning path needs at least one course");
            }
        }
        Instant now = clock.instant();
        // a published path's new title or courses reach the other subgraphs as a new snapshot (the revision
        // compare-and-set guarantees it is still published when the write happens)
        PathPublication republished = path.status() == CourseStatus.PUBLISHED
                ? publication(path, newTitle, newCourses, now) : null;
        return saved(store.saveDetails(caller, path, newTitle, newDescription, newCourses, now, republished));
    }

    public LearningPathDocument publish(Caller caller, String id, Long expectedRevision) {
        CourseAccess.requireAuthorRole(caller);
        LearningPathDocument path = editable(caller, id, expectedRevision);
        if (path.courseIds().isEmpty()) {
            throw DomainException.badInput("A learning path needs at least one course before it can be published");
        }
        validCourses(caller, path.organizationId(), path.courseIds());
        Instant now = clock.instant();
        return saved(store.markPublished(caller, path, now, publication(path, path.title(), path.courseIds(), now)));
    }

    /** The path's next publication: one more than the last, so that consumers keep the newest snapshot. */
    private static PathPublication publication(LearningPathDocument path, String title, List<String> courseIds,
                                               Instant at) {
        long version = path.publishedVersion() + 1;
        return new PathPublication(version, CatalogEvents.learningPathPublished(path.id(), path.organizationId(),
                version, title, courseIds, at));
    }

    private static LearningPathDocument saved(Optional<LearningPathDocument> written) {
        return written.orElseThrow(LearningPathService::concurrentChange);
    }

    private LearningPathDocument editable(Caller caller, String id, Long expectedRevision) {
        LearningPathDocument path = store.findById(caller, id)
                .orElseThrow(() -> DomainException.notFound("LearningPath", id));
        if (!CourseAccess.authors(caller, path.organizationId())) {
            if (visibleTo(caller, path)) {
                throw DomainException.forbidden("Only root may change global learning paths");
            }
            throw DomainException.notFound("LearningPath", id);
        }
        if (expectedRevision != null && path.revision() != expectedRevision) {
            throw concurrentChange();
        }
        return path;
    }

    /**
     * The course ids, if each is a published course everyone who sees the path may see: global ones, and for an
     * organization's path also that organization's. Anything else (missing, draft, archived, another
     * organization's) is BAD_USER_INPUT with the same message, so ids of other tenants reveal nothing.
     */
    List<String> validCourses(Caller caller, String pathOrganizationId, List<String> courseIds) {
        if (courseIds == null) {
            return List.of();
        }
        if (courseIds.size() > MAX_COURSES) {
            throw DomainException.badInput("A learning path holds at most " + MAX_COURSES + " courses");
        }
        if (new HashSet<>(courseIds).size() != courseIds.size()) {
            throw DomainException.badInput("A course appears more than once in the learning path");
        }
        Map<String, CourseDocument> heads = courses.findHeads(caller, courseIds).stream()
                .collect(Collectors.toMap(CourseDocument::id, Function.identity()));
        for (String courseId : courseIds) {
            CourseDocument head = heads.get(courseId);
            boolean usable = head != null && head.status() == CourseStatus.PUBLISHED
                    && (head.organizationId() == null || head.organizationId().equals(pathOrganizationId));
            if (!usable) {
                throw DomainException.badInput("Course " + courseId
                        + " is not a published course visible to everyone who can see this learning path");
            }
        }
        return List.copyOf(courseIds);
    }

    private static boolean visibleTo(Caller caller, LearningPathDocument path) {
        return path.status() == CourseStatus.PUBLISHED || CourseAccess.authors(caller, path.organizationId());
    }

    private static DomainException concurrentChange() {
        return DomainException.conflict("The learning path was changed by someone else: reload it and try again");
    }
}
