package com.cycube.catalog.paths;

import com.cycube.catalog.courses.ContentVisibility;
import com.cycube.catalog.courses.CourseAccess;
import com.cycube.catalog.courses.CourseDocument;
import com.cycube.catalog.courses.CourseRules;
import com.cycube.catalog.courses.CourseStatus;
import com.cycube.catalog.courses.CourseStore;
import com.cycube.catalog.events.CatalogEvents;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Learning paths: the same visibility and authoring rules as courses (root: global, managers: their
 * organization; trainees see published paths only). A path may only list courses that everyone who can see the
 * path can see: published courses that are global, or — for an organization's path — of that organization.
 */
@Service
public class LearningPathService {

    public static final int MAX_COURSES = 50;
    private static final Sort ORDER = Sort.by("createdAt", "_id");

    private final TenantScopedMongo tenantMongo;
    private final CourseStore courses;
    private final Clock clock;

    public LearningPathService(TenantScopedMongo tenantMongo, CourseStore courses, Clock clock) {
        this.tenantMongo = tenantMongo;
        this.courses = courses;
        this.clock = clock;
    }

    public Connection<LearningPathDocument> list(Caller caller, PageRequest page) {
        CourseAccess.requireReader(caller);
        Criteria visible = visibleCriteria(caller);
        List<LearningPathDocument> rows = tenantMongo.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, visible, ORDER,
                page, LearningPathDocument.class);
        return Connection.of(rows, page, tenantMongo.count(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, visible,
                LearningPathDocument.class));
    }

    public Optional<LearningPathDocument> get(Caller caller, String id) {
        CourseAccess.requireReader(caller);
        return tenantMongo.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, id, LearningPathDocument.class)
                .filter(path -> visibleTo(caller, path));
    }

    public Map<String, LearningPathDocument> byIds(Caller caller, java.util.Collection<String> ids) {
        CourseAccess.requireReader(caller);
        return tenantMongo.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, LearningPathDocument.class)
                .stream().filter(path -> visibleTo(caller, path))
                .collect(Collectors.toMap(LearningPathDocument::id, Function.identity()));
    }

    public LearningPathDocument create(Caller caller, String title, String description, List<String> courseIds,
                                       ContentVisibility visibility) {
        CourseAccess.requireAuthorRole(caller);
        String organizationId = owningOrganization(caller, visibility);
        String validTitle = CourseRules.title(title, "Learning path");
        List<String> validCourses = validCourses(caller, organizationId, courseIds);
        Instant now = clock.instant();
        LearningPathDocument path = new LearningPathDocument(UUID.randomUUID().toString(), organizationId,
                caller.subject(), validTitle, CourseRules.summary(description), validCourses, CourseStatus.DRAFT, 0,
                now, now, null);
        return tenantMongo.insert(caller, path);
    }

    public LearningPathDocument update(Caller caller, String id, Long expectedRevision, String title, String description,
                                       boolean descriptionGiven, List<String> courseIds) {
        CourseAccess.requireAuthorRole(caller);
        LearningPathDocument path = editable(caller, id, expectedRevision);
        Instant now = clock.instant();
        Update update = new Update().set("updatedAt", now).inc("revision", 1);
        String newTitle = path.title();
        List<String> newCourses = path.courseIds();
        if (title != null) {
            newTitle = CourseRules.title(title, "Learning path");
            update.set("title", newTitle);
        }
        if (descriptionGiven) {
            update.set("description", CourseRules.summary(description));
        }
        if (courseIds != null) {
            newCourses = validCourses(caller, path.organizationId(), courseIds);
            if (path.status() == CourseStatus.PUBLISHED && newCourses.isEmpty()) {
                throw DomainException.badInput("A published learning path needs at least one course");
            }
            update.set("courseIds", newCourses);
        }
        if (path.status() == CourseStatus.PUBLISHED) {
            // a published path's new title or courses reach the other subgraphs as a new snapshot (the revision
            // compare-and-set in save() guarantees it is still published when the write happens)
            Outbox.record(update, CatalogEvents.learningPathPublished(path.id(), path.organizationId(), newTitle,
                    newCourses, now));
        }
        return save(caller, path, update);
    }

    public LearningPathDocument publish(Caller caller, String id, Long expectedRevision) {
        CourseAccess.requireAuthorRole(caller);
        LearningPathDocument path = editable(caller, id, expectedRevision);
        if (path.courseIds().isEmpty()) {
            throw DomainException.badInput("A learning path needs at least one course before it can be published");
        }
        validCourses(caller, path.organizationId(), path.courseIds());
        Instant now = clock.instant();
        Update update = new Update().set("status", CourseStatus.PUBLISHED).set("publishedAt", now)
                .set("updatedAt", now).inc("revision", 1);
        Outbox.record(update, CatalogEvents.learningPathPublished(path.id(), path.organizationId(), path.title(),
                path.courseIds(), now));
        return save(caller, path, update);
    }

    private LearningPathDocument save(Caller caller, LearningPathDocument path, Update update) {
        return tenantMongo.update(caller, path.id(), Criteria.where("revision").is(path.revision()), update,
                        LearningPathDocument.class)
                .orElseThrow(() -> DomainException.conflict("The learning path was changed by someone else: reload it and try again"));
    }

    private LearningPathDocument editable(Caller caller, String id, Long expectedRevision) {
        LearningPathDocument path = tenantMongo.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, id, LearningPathDocument.class)
                .orElseThrow(() -> DomainException.notFound("LearningPath", id));
        if (!CourseAccess.authors(caller, path.organizationId())) {
            if (visibleTo(caller, path)) {
                throw DomainException.forbidden("Only root may change global learning paths");
            }
            throw DomainException.notFound("LearningPath", id);
        }
        if (expectedRevision != null && path.revision() != expectedRevision) {
            throw DomainException.conflict("The learning path was changed by someone else: reload it and try again");
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

    private static Criteria visibleCriteria(Caller caller) {
        Criteria published = Criteria.where("status").is(CourseStatus.PUBLISHED.name());
        if (caller.isRoot()) {
            return new Criteria();
        }
        if (caller.hasRole(Role.MANAGER) && caller.organizationId().isPresent()) {
            return new Criteria().orOperator(published, Criteria.where("organizationId").is(caller.organizationId().get()));
        }
        return published;
    }

    private static String owningOrganization(Caller caller, ContentVisibility requested) {
        if (caller.isRoot()) {
            if (requested == ContentVisibility.ORGANIZATION) {
                throw DomainException.badInput("Root authors GLOBAL learning paths; organization paths are authored by their managers");
            }
            return null;
        }
        if (requested == ContentVisibility.GLOBAL) {
            throw DomainException.forbidden("Only root authors global content");
        }
        return caller.requireOrganization();
    }
}
