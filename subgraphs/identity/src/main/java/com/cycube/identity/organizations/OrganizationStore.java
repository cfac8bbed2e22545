package com.cycube.identity.organizations;

import com.cycube.support.auth.Caller;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.persistence.OptimisticRetry;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every read and write of organization documents, tenant-scoped (an organization owns itself). Each write carries
 * the organization's {@code identity.OrganizationChanged} snapshot in the same single-document write; changes are
 * compare-and-set on the snapshot's fields and {@code snapshotVersion} (re-read and re-decided through
 * {@link OptimisticRetry} when someone changed it meanwhile), and set {@code snapshotVersion} to the read one + 1,
 * the snapshot's {@code version}. Never a wholesale replace.
 */
@Component
public class OrganizationStore {

    private static final Sort BY_NAME = Sort.by("name", "_id");

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;
    private final Clock clock;

    public OrganizationStore(TenantScopedMongo tenants, MongoTemplate mongo, Clock clock) {
        this.tenants = tenants;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** An organization the caller may see; another one is NOT_FOUND. */
    public OrganizationDocument get(Caller caller, String id) {
        return tenants.getById(caller, Visibility.OWN_ORGANIZATION, id, OrganizationDocument.class, "Organization");
    }

    /** The organizations with these ids that the caller may see, by id. */
    public Map<String, OrganizationDocument> byIds(Caller caller, Collection<String> ids) {
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, OrganizationDocument.class).stream()
                .collect(Collectors.toMap(OrganizationDocument::id, Function.identity()));
    }

    /** A page of the organizations the caller may see, by name. */
    public Connection<OrganizationDocument> list(Caller caller, PageRequest page) {
        List<OrganizationDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, null, BY_NAME, page, OrganizationDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, null, OrganizationDocument.class));
    }

    /** Inserts a new organization with its first snapshot, occurred when it was created. */
    public OrganizationDocument insert(Caller caller, OrganizationDocument organization) {
        TenantScopedMongo.assertWritable(caller, organization.organizationId());
        Outbox.insert(mongo, organization, OrganizationDocument.COLLECTION,
                OrganizationEvents.changed(organization, organization.createdAt()));
        return organization;
    }

    /**
     * Reads the organization, lets {@code decide} work out the organization after the change (empty: nothing to
     * change, it is answered as is), and stores it with its snapshot if it is still as read — otherwise reads and
     * decides again.
     */
    public OrganizationDocument change(Caller caller, String id, Function<OrganizationDocument, Optional<OrganizationDocument>> decide) {
        return OptimisticRetry.until("The organization", () -> {
            OrganizationDocument current = get(caller, id);
            Optional<OrganizationDocument> next = decide.apply(current);
            return next.isEmpty() ? Optional.of(current) : compareAndSet(caller, current, next.get());
        });
    }

    private Optional<OrganizationDocument> compareAndSet(Caller caller, OrganizationDocument read, OrganizationDocument next) {
        long version = read.nextSnapshotVersion();
        Update update = new Update().set("name", next.name()).set("seatLimit", next.seatLimit()).set("labQuota", next.labQuota())
                .set("snapshotVersion", version);
        if (next.deactivatedAt() == null) {
            update.unset("deactivatedAt");
        } else {
            update.set("deactivatedAt", next.deactivatedAt());
        }
        Outbox.record(update, OrganizationEvents.changed(next.withSnapshotVersion(version), clock.instant()));
        Criteria unchanged = new Criteria().andOperator(
                Criteria.where("name").is(read.name()),
                Criteria.where("seatLimit").is(read.seatLimit()),
                Criteria.where("labQuota").is(read.labQuota()),
                Criteria.where("deactivatedAt").is(read.deactivatedAt()),
                Criteria.where("snapshotVersion").is(read.snapshotVersion()));
        return tenants.update(caller, read.id(), unchanged, update, OrganizationDocument.class);
    }
}
