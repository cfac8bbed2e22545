package com.cycube.identity.organizations;

import com.cycube.identity.Names;
import com.cycube.identity.keycloak.IdentityProviderAccounts;
import com.cycube.identity.users.UserStore;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Organizations (tenants): root creates them and sets quotas; members read their own. */
@Service
public class OrganizationService {

    public static final String ORG_READ = "org:read";

    private final OrganizationStore organizations;
    private final UserStore users;
    private final IdentityProviderAccounts accounts;
    private final Clock clock;

    public OrganizationService(OrganizationStore organizations, UserStore users, IdentityProviderAccounts accounts, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Any member of the organization, an integration client with org:read, or root. */
    public OrganizationDocument get(Caller caller, String id) {
        caller.require(Role.TRAINEE, ORG_READ);
        return organizations.get(caller, id);
    }

    public Connection<OrganizationDocument> list(Caller caller, PageRequest page) {
        caller.require(Role.ROOT, null);
        return organizations.list(caller, page);
    }

    public OrganizationDocument create(Caller caller, String name, int seatLimit, int labQuota) {
        caller.require(Role.ROOT, null);
        OrganizationDocument organization = OrganizationDocument.create("org-" + UUID.randomUUID(),
                Names.require(name, "name"), validSeatLimit(seatLimit), validLabQuota(labQuota), clock.instant());
        return organizations.insert(caller, organization);
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
        return organizations.change(caller, id, current -> {
            int newSeatLimit = seatLimit != null ? seatLimit : current.seatLimit();
            int newLabQuota = labQuota != null ? labQuota : current.labQuota();
            if (newSeatLimit == current.seatLimit() && newLabQuota == current.labQuota()) {
                return Optional.empty();
            }
            return Optional.of(current.withQuotas(newSeatLimit, newLabQuota));
        });
    }

    /** Root, or a manager of that organization (another organization answers NOT_FOUND). */
    public OrganizationDocument rename(Caller caller, String id, String name) {
        caller.require(Role.MANAGER, null);
        String validName = Names.require(name, "name");
        get(caller, id);
        return organizations.change(caller, id, current -> current.name().equals(validName) ? Optional.empty()
                : Optional.of(current.withName(validName)));
    }

    /**
     * Root deactivates or reactivates an organization. Deactivation writes the flag first — every subgraph learns it
     * from {@code identity.OrganizationChanged} within seconds and from then on refuses its members' and integrations'
     * tokens and ends their live streams (support library, {@code AccessRevocations}) — and then disables the Keycloak
     * account of every member who is not deactivated on their own, so nobody of the organization can sign in.
     * Reactivation enables those accounts first, then clears the flag. Setting the state it already has changes no
     * data but brings the accounts in line again, so a call that failed half-way (Keycloak unavailable) is finished
     * by repeating it.
     */
    public OrganizationDocument setActive(Caller caller, String id, Boolean active) {
        caller.require(Role.ROOT, null);
        if (active == null) {
            throw DomainException.badInput("active is required");
        }
        get(caller, id);
        if (active) {
            alignAccounts(caller, id, true);
        }
        OrganizationDocument changed = organizations.change(caller, id, current -> current.active() == active ? Optional.empty()
                : Optional.of(current.withDeactivatedAt(active ? null : clock.instant())));
        if (!active) {
            alignAccounts(caller, id, false);
        }
        return changed;
    }

    /** Enables or disables the Keycloak account of every member whose own status lets them sign in. */
    private void alignAccounts(Caller caller, String organizationId, boolean enabled) {
        for (String userId : users.idsOfMembersWithAccounts(caller, organizationId)) {
            accounts.setEnabled(userId, enabled);
        }
    }

    /** Active and invited users: the seats the seat limit counts. */
    public long seatsUsed(Caller caller, String organizationId) {
        return users.countSeatHolders(caller, organizationId);
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
        return organizations.get(caller, requested).id();
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
