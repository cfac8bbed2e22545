package com.cycube.catalog.courses;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes course heads ({@code courses}) and published versions ({@code course_versions}), always
 * through {@link TenantScopedMongo}: a caller reads their organization's and global courses (root: all) and
 * writes only their organization's (root: all). The one place that knows the documents' field names; every change
 * of a head is a compare-and-set on its {@code revision} (empty when someone else changed it first).
 */
@Component
public class CourseStore {

    private static final Sort LIST_ORDER = Sort.by("createdAt", "_id");

    private final TenantScopedMongo tenantMongo;
    private final MongoTemplate mongo;

    public CourseStore(TenantScopedMongo tenantMongo, MongoTemplate mongo) {
        this.tenantMongo = tenantMongo;
        this.mongo = mongo;
    }

    public Optional<CourseDocument> findHead(Caller caller, String id) {
        return tenantMongo.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, id, CourseDocument.class);
    }

    public List<CourseDocument> findHeads(Caller caller, Collection<String> ids) {
        return tenantMongo.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, CourseDocument.class);
    }

    /** Heads whose draft or published version contains one of the modules {@code moduleIds}. */
    public List<CourseDocument> findHeadsWithModules(Caller caller, Collection<String> moduleIds) {
        return findHeadsContaining(caller, "moduleIds", moduleIds);
    }

    /** Heads whose draft or published version contains one of the cubes {@code cubeIds}. */
    public List<CourseDocument> findHeadsWithCubes(Caller caller, Collection<String> cubeIds) {
        return findHeadsContaining(caller, "cubeIds", cubeIds);
    }

    private List<CourseDocument> findHeadsContaining(Caller caller, String field, Collection<String> ids) {
        return tenantMongo.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, Criteria.where(field).in(ids),
                LIST_ORDER, null, CourseDocument.class);
    }

    public List<CourseDocument> page(Caller caller, CourseFilter filter, PageRequest page) {
        return tenantMongo.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, listCriteria(caller, filter),
                LIST_ORDER, page, CourseDocument.class);
    }

    public long count(Caller caller, CourseFilter filter) {
        return tenantMongo.count(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, listCriteria(caller, filter),
                CourseDocument.class);
    }

    public Map<String, CourseVersionDocument> findVersions(Caller caller, Collection<String> versionIds) {
        return tenantMongo.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, versionIds, CourseVersionDocument.class)
                .stream().collect(Collectors.toMap(CourseVersionDocument::id, Function.identity()));
    }

    public Optional<CourseVersionDocument> findVersion(Caller caller, String courseId, int version) {
        return tenantMongo.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                CourseVersionDocument.idOf(courseId, version), CourseVersionDocument.class);
    }

    /** Version numbers and publication times of a course's published versions (content not read). */
    public List<CourseVersionDocument> versionHistory(Caller caller, String courseId) {
        Query query = tenantMongo.scopedQuery(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                Criteria.where("courseId").is(courseId)).with(Sort.by(Sort.Direction.DESC, "version"));
        query.fields().exclude("content");
        return mongo.find(query, CourseVersionDocument.class);
    }

    public CourseDocument insertHead(Caller caller, CourseDocument head) {
        return tenantMongo.insert(caller, head);
    }

    /**
     * Saves {@code draft} as the head's draft numbered {@code draftVersion}, if the head is still at the revision
     * it was read at; empty when someone else changed it first. The head also keeps the draft's summary (for lists
     * and filters) and every module and cube id of draft and published version (for entity lookups).
     */
    public Optional<CourseDocument> saveDraft(Caller caller, CourseDocument head, CourseContent draft, int draftVersion,
                                              Instant at) {
        return compareAndSet(caller, head, new Update()
                .set("draft", draft)
                .set("draftVersion", draftVersion)
                .set("latestVersion", Math.max(head.latestVersion(), draftVersion))
                .set("current", CourseSummary.of(draft))
                .set("moduleIds", union(head.moduleIds(), draft.moduleIds()))
                .set("cubeIds", union(head.cubeIds(), draft.cubeIds()))
                .set("updatedAt", at));
    }

    /**
     * Points the head at its newly published {@code version} (whose document {@link #insertVersion} stored) and
     * clears the draft, recording {@code published} in the same write; empty when the head changed since it was read.
     */
    public Optional<CourseDocument> markPublished(Caller caller, CourseDocument head, int version, CourseContent content,
                                                  Instant at, DomainEvent published) {
        Update update = new Update()
                .set("status", CourseStatus.PUBLISHED)
                .set("publishedVersion", version)
                .set("draftVersion", null)
                .set("draft", null)
                .set("published", CourseSummary.of(content))
                .set("current", CourseSummary.of(content))
                .set("moduleIds", content.moduleIds().toList())
                .set("cubeIds", content.cubeIds().toList())
                .set("publishedAt", at)
                .set("updatedAt", at);
        return compareAndSet(caller, head, Outbox.record(update, published));
    }

    /** Archives the head, recording {@code archived} in the same write; empty when it changed since it was read. */
    public Optional<CourseDocument> markArchived(Caller caller, CourseDocument head, Instant at, DomainEvent archived) {
        Update update = new Update()
                .set("status", CourseStatus.ARCHIVED)
                .set("current", head.published())
                .set("updatedAt", at);
        return compareAndSet(caller, head, Outbox.record(update, archived));
    }

    /** Applies {@code update} plus a revision increment only if the head is still at the revision it was read at. */
    private Optional<CourseDocument> compareAndSet(Caller caller, CourseDocument head, Update update) {
        update.inc("revision", 1);
        return tenantMongo.update(caller, head.id(), Criteria.where("revision").is(head.revision()), update,
                CourseDocument.class);
    }

    private static List<String> union(List<String> existing, Stream<String> added) {
        Set<String> all = new LinkedHashSet<>(existing == null ? List.of() : existing);
        added.forEach(all::add);
        return List.copyOf(all);
    }

    /**
     * Stores a newly published version. The id is deterministic, so a document left behind by a publish that
     * failed before its head was updated can exist: it was never visible to anyone, and is replaced. A version
     * the head already points at is never replaced (published versions are immutable).
     */
    public void insertVersion(Caller caller, CourseVersionDocument version, CourseDocument head) {
        try {
            tenantMongo.insert(caller, version);
        } catch (DuplicateKeyException exists) {
            if (head.publishedVersion() != null && head.publishedVersion() >= version.version()) {
                throw DomainException.conflict("This version was already published");
            }
            tenantMongo.replace(caller, version.id(), version);
        }
    }

    /**
     * What {@code courses} lists for the caller: for courses they author, the version they see (draft or
     * published); for the others, only published ones. Archived courses only when an author asks for them.
     */
    static Criteria listCriteria(Caller caller, CourseFilter filter) {
        CourseFilter f = filter == null ? CourseFilter.NONE : filter;
        List<Criteria> all = new ArrayList<>();
        Criteria authored = authoredCriteria(caller);
        Criteria visibleToAuthor = authorStatusCriteria(f);
        Criteria visibleToReader = readerStatusCriteria(f);
        if (caller.isRoot()) {
            all.add(visibleToAuthor);
        } else if (authored != null) {
            all.add(new Criteria().orOperator(
                    new Criteria().andOperator(authored, visibleToAuthor),
                    new Criteria().andOperator(Criteria.where("organizationId").ne(caller.organizationId().orElseThrow()),
                            visibleToReader)));
        } else {
            all.add(visibleToReader);
        }
        if (f.skillId() != null) {
            all.add(summaryCriteria(caller, "skillIds", f.skillId()));
        }
        if (f.level() != null) {
            all.add(summaryCriteria(caller, "level", f.level().name()));
        }
        if (f.authorId() != null) {
            all.add(Criteria.where("authorId").is(f.authorId()));
        }
        if (f.visibility() == ContentVisibility.GLOBAL) {
            all.add(Criteria.where("organizationId").is(null));
        } else if (f.visibility() == ContentVisibility.ORGANIZATION) {
            all.add(Criteria.where("organizationId").ne(null));
        }
        return new Criteria().andOperator(all.toArray(Criteria[]::new));
    }

    /** The courses whose drafts the caller sees, besides root's everything: a manager's own organization. */
    private static Criteria authoredCriteria(Caller caller) {
        if (caller.hasRole(Role.MANAGER) && caller.organizationId().isPresent()) {
            return Criteria.where("organizationId").is(caller.organizationId().get());
        }
        return null;
    }

    private static Criteria authorStatusCriteria(CourseFilter f) {
        if (f.status() == null) {
            return Criteria.where("status").ne(CourseStatus.ARCHIVED.name());
        }
        return switch (f.status()) {
            case DRAFT -> new Criteria().andOperator(Criteria.where("status").ne(CourseStatus.ARCHIVED.name()),
                    Criteria.where("draftVersion").ne(null));
            case PUBLISHED -> new Criteria().andOperator(Criteria.where("status").is(CourseStatus.PUBLISHED.name()),
                    Criteria.where("draftVersion").is(null));
            case ARCHIVED -> Criteria.where("status").is(CourseStatus.ARCHIVED.name());
            case SUPERSEDED -> Criteria.where("_id").is(null); // a course is never listed as superseded
        };
    }

    /** Readers browse published courses only: never drafts, and archived ones only by id. */
    private static Criteria readerStatusCriteria(CourseFilter f) {
        if (f.status() == null || f.status() == CourseStatus.PUBLISHED) {
            return Criteria.where("status").is(CourseStatus.PUBLISHED.name());
        }
        return Criteria.where("_id").is(null);
    }

    /** Level and skill filters apply to the version the caller sees: authors' current one, readers' published one. */
    private static Criteria summaryCriteria(Caller caller, String field, Object value) {
        Criteria onPublished = Criteria.where("published." + field).is(value);
        Criteria onCurrent = Criteria.where("current." + field).is(value);
        if (caller.isRoot()) {
            return onCurrent;
        }
        Criteria authored = authoredCriteria(caller);
        if (authored == null) {
            return onPublished;
        }
        return new Criteria().orOperator(new Criteria().andOperator(authored, onCurrent),
                new Criteria().andOperator(Criteria.where("organizationId").ne(caller.organizationId().get()), onPublished));
    }
}
