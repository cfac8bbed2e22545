package com.cycube.identity.organizations;

import com.cycube.identity.Names;
import com.cycube.identity.events.OutboxInserts;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStatus;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Organizations (tenants): root creates them and sets quotas; members read their own. */
@Service
public class OrganizationService {

    public static final String ORG_READ = "org:read";
    private static final Sort BY_NAME = Sort.by("name", "_id");

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;
    private final Clock clock;

    public OrganizationService(TenantScopedMongo tenants, MongoTemplate mongo, Clock clock) {
        this.tenants = tenants;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Any member of the organization, an integration client with org:read, or root. */
    public OrganizationDocument get(Caller caller, String id) {
        caller.require(Role.TRAINEE, ORG_READ);
        return tenants.getById(caller, Visibility.OWN_ORGANIZATION, id, OrganizationDocument.class, "Organization");
    }

    public Connection<OrganizationDocument> list(Caller caller, PageRequest page) {
        caller.require(Role.ROOT, null);
        List<OrganizationDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, null, BY_NAME, page, OrganizationDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, null, OrganizationDocument.class));
    }

    public OrganizationDocument create(Caller caller, String name, int seatLimit, int labQuota) {
        caller.require(Role.ROOT, null);
        OrganizationDocument organization = OrganizationDocument.create("org-" + UUID.randomUUID(),
                Names.require(name, "name"), validSeatLimit(seatLimit), validLabQuota(labQuota), clock.instant());
        TenantScopedMongo.assertWritable(caller, organization.organizationId());
        OutboxInserts.insert(mongo, organization, OrganizationDocument.COLLECTION,
                OrganizationEvents.changed(organization, organization.createdAt()));
        return organization;
    }

    public OrganizationDocument updateQuotas(Caller caller, String id, Integer seatLimit, Integer labQuota) {
        caller.require(Role.ROOT, null);
        get(caller, id);
        if (seatLimit != null) {
            validSeatLimit(seatLimit);
        }
        if (labQuota != null) {
            validLabQuota(labQuota);
        }
        if (seatLimit != null) {
            long used = seatsUsed(caller, id);
            if (seatLimit < used) {
                throw DomainException.conflict("The seat limit cannot be below the " + used + " seats in use");
            }
        }
        return change(caller, id, current -> {
            int newSeatLimit = seatLimit != null ? seatLimit : current.seatLimit();
            int newLabQuota = labQuota != null ? labQuota : current.labQuota();
            if (newSeatLimit == current.seatLimit() && newLabQuota == current.labQuota()) {
                return Optional.empty();
            }
            return Optional.of(new Change(new Update().set("seatLimit", newSeatLimit).set("labQuota", newLabQuota),
                    current.withQuotas(newSeatLimit, newLabQuota)));
        });
    }

    /** Root, or a manager of that organization (another organization answers NOT_FOUND). */
    public OrganizationDocument rename(Caller caller, String id, String name) {
        caller.require(Role.MANAGER, null);
        String validName = Names.require(name, "name");
        get(caller, id);
        return change(caller, id, current -> current.name().equals(validName) ? Optional.empty()
                : Optional.of(new Change(new Update().set("name", validName), current.withName(validName))));
    }

    /**
     * Root deactivates or reactivates an organization. The flag is the organization's own: other subgraphs learn
     * it from {@code identity.OrganizationChanged} (labs gives a deactivated organization no new labs). Setting
     * the state it already has changes nothing.
     */
    public OrganizationDocument setActive(Caller caller, String id, Boolean active) {
        caller.require(Role.ROOT, null);
        if (active == null) {
            throw DomainException.badInput("active is required");
        }
        get(caller, id);
        return change(caller, id, current -> {
            if (current.active() == active) {
                return Optional.empty();
            }
            Instant deactivatedAt = active ? null : clock.instant();
            Update update = active ? new Update().unset("deactivatedAt") : new Update().set("deactivatedAt", deactivatedAt);
            return Optional.of(new Change(update, current.withDeactivatedAt(deactivatedAt)));
        });
    }

    private record Change(Update update, OrganizationDocument result) {
    }

    /**
     * One organization write with its {@code identity.OrganizationChanged} snapshot, compare-and-set on the
     * snapshot's fields and {@code snapshotVersion} (re-read and re-decided when someone changed it meanwhile); the
     * same write sets {@code snapshotVersion} to the read one + 1, the snapshot's {@code version}. Never a wholesale
     * replace.
     */
    private OrganizationDocument change(Caller caller, String id, Function<OrganizationDocument, Optional<Change>> decide) {
        for (int attempt = 0; attempt < 3; attempt++) {
            OrganizationDocument current = get(caller, id);
            Optional<Change> change = decide.apply(current);
            if (change.isEmpty()) {
                return current;
            }
            long version = current.nextSnapshotVersion();
            Update update = Outbox.record(change.get().update().set("snapshotVersion", version),
                    OrganizationEvents.changed(change.get().result().withSnapshotVersion(version), clock.instant()));
            Optional<OrganizationDocument> stored = tenants.update(caller, id, OrganizationEvents.unchanged(current),
                    update, OrganizationDocument.class);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw DomainException.conflict("The organization changed meanwhile; reload and try again");
    }

    /** Active and invited users: the seats the seat limit counts. */
    public long seatsUsed(Caller caller, String organizationId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("organizationId").is(organizationId)
                .and("status").in(UserStatus.ACTIVE, UserStatus.INVITED), UserDocument.class);
    }

    /**
     * The organization a manager-level operation acts on: the requested one if the caller may act
     * on it (another tenant's answers NOT_FOUND), otherwise the caller's own. Root must name it.
     */
    public String targetOrganization(Caller caller, String requested) {
        if (requested == null) {
            if (caller.isRoot()) {
                throw DomainException.badInput("organizationId is required for root");
            }
            return caller.requireOrganization();
        }
        return tenants.getById(caller, Visibility.OWN_ORGANIZATION, requested, OrganizationDocument.class, "Organization").id();
    }

    private static int validSeatLimit(int seatLimit) {
        if (seatLimit < 1 || seatLimit > 1_000_000) {
            throw DomainException.badInput("seatLimit must be between 1 and 1000000");
        }
        return seatLimit;
    }

    private static int validLabQuota(int labQuota) {
        if (labQuota < 0 || labQuota > 10_000) {
            throw DomainException.badInput("labQuota must be between 0 and 10000");
        }
        return labQuota;
    }
}
