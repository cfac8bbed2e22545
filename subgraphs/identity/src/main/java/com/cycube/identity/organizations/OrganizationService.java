package com.cycube.identity.organizations;

import com.cycube.identity.Names;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStatus;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Organizations (tenants): root creates them and sets quotas; members read their own. */
@Service
public class OrganizationService {

    public static final String ORG_READ = "org:read";
    private static final Sort BY_NAME = Sort.by("name", "_id");

    private final TenantScopedMongo tenants;
    private final Clock clock;

    public OrganizationService(TenantScopedMongo tenants, Clock clock) {
        this.tenants = tenants;
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
        return tenants.insert(caller, organization);
    }

    public OrganizationDocument updateQuotas(Caller caller, String id, Integer seatLimit, Integer labQuota) {
        caller.require(Role.ROOT, null);
        OrganizationDocument organization = get(caller, id);
        Update update = new Update();
        if (seatLimit != null) {
            validSeatLimit(seatLimit);
            long used = seatsUsed(caller, id);
            if (seatLimit < used) {
                throw DomainException.conflict("The seat limit cannot be below the " + used + " seats in use");
            }
            update.set("seatLimit", seatLimit);
        }
        if (labQuota != null) {
            update.set("labQuota", validLabQuota(labQuota));
        }
        if (update.getUpdateObject().isEmpty()) {
            return organization;
        }
        return tenants.update(caller, id, null, update, OrganizationDocument.class)
                .orElseThrow(() -> DomainException.notFound("Organization", id));
    }

    /** Root, or a manager of that organization (another organization answers NOT_FOUND). */
    public OrganizationDocument rename(Caller caller, String id, String name) {
        caller.require(Role.MANAGER, null);
        String validName = Names.require(name, "name");
        get(caller, id);
        return tenants.update(caller, id, null, new Update().set("name", validName), OrganizationDocument.class)
                .orElseThrow(() -> DomainException.notFound("Organization", id));
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
