package com.cycube.catalog.paths;

import com.cycube.catalog.courses.CourseStatus;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes learning paths ({@code learning_paths}) through {@link TenantScopedMongo}: a caller reads their
 * organization's and the global paths (root: all) and writes only their organization's (root: all). Every change is
 * a compare-and-set on the path's revision; empty when someone else changed it first.
 */
@Component
public class LearningPathStore {

    private static final Sort ORDER = Sort.by("createdAt", "_id");

    private final TenantScopedMongo tenantMongo;

    public LearningPathStore(TenantScopedMongo tenantMongo) {
        this.tenantMongo = tenantMongo;
    }

    /** A page of the paths the caller may list: published ones, plus drafts of the paths they author. */
    public List<LearningPathDocument> page(Caller caller, PageRequest page) {
        return tenantMongo.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, listCriteria(caller), ORDER, page,
                LearningPathDocument.class);
    }

    public long count(Caller caller) {
        return tenantMongo.count(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, listCriteria(caller),
                LearningPathDocument.class);
    }

    public Optional<LearningPathDocument> findById(Caller caller, String id) {
        return tenantMongo.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, id, LearningPathDocument.class);
    }

    public List<LearningPathDocument> findByIds(Caller caller, Collection<String> ids) {
        return tenantMongo.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, LearningPathDocument.class);
    }

    public LearningPathDocument insert(Caller caller, LearningPathDocument path) {
        return tenantMongo.insert(caller, path);
    }

    /**
     * Saves a new title, description and course list. {@code republished} (null for a draft) is the snapshot a
     * published path announces: it is recorded, and its version stored, by the same write.
     */
    public Optional<LearningPathDocument> saveDetails(Caller caller, LearningPathDocument path, String title,
                                                      String description, List<String> courseIds, Instant at,
                                                      PathPublication republished) {
        Update update = new Update().set("title", title).set("description", description).set("courseIds", courseIds)
                .set("updatedAt", at);
        if (republished != null) {
            update.set("publishedVersion", republished.version());
            Outbox.record(update, republished.event());
        }
        return compareAndSet(caller, path, update);
    }

    /** Publishes the path (again), recording {@code publication} and storing its version in the same write. */
    public Optional<LearningPathDocument> markPublished(Caller caller, LearningPathDocument path, Instant at,
                                                        PathPublication publication) {
        Update update = new Update().set("status", CourseStatus.PUBLISHED).set("publishedAt", at).set("updatedAt", at)
                .set("publishedVersion", publication.version());
        return compareAndSet(caller, path, Outbox.record(update, publication.event()));
    }

    /** A {@code LearningPathPublished} event and the publication count it carries. */
    public record PathPublication(long version, DomainEvent event) {
    }

    private Optional<LearningPathDocument> compareAndSet(Caller caller, LearningPathDocument path, Update update) {
        return tenantMongo.update(caller, path.id(), Criteria.where("revision").is(path.revision()),
                update.inc("revision", 1), LearningPathDocument.class);
    }

    private static Criteria listCriteria(Caller caller) {
        Criteria published = Criteria.where("status").is(CourseStatus.PUBLISHED.name());
        if (caller.isRoot()) {
            return new Criteria();
        }
        if (caller.hasRole(Role.MANAGER) && caller.organizationId().isPresent()) {
            return new Criteria().orOperator(published, Criteria.where("organizationId").is(caller.organizationId().get()));
        }
        return published;
    }
}
