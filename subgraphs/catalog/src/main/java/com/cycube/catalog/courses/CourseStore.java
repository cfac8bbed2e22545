package com.cycube.catalog.courses;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * writes only their organization's (root: all).
 */
@Component
public class CourseStore {

    static final String HEADS = "courses";
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

    /** Heads whose draft or published version contains one of {@code ids} ({@code field}: moduleIds or cubeIds). */
    public List<CourseDocument> findHeadsContaining(Caller caller, String field, Collection<String> ids) {
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
     * Applies {@code update} (plus a revision increment and {@code updatedAt}) only if the head is still at
     * {@code expectedRevision}; empty when someone else changed it first.
     */
    public Optional<CourseDocument> compareAndSet(Caller caller, CourseDocument head, Update update) {
        update.inc("revision", 1);
        return tenantMongo.update(caller, head.id(), Criteria.where("revision").is(head.revision()), update,
                CourseDocument.class);
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
