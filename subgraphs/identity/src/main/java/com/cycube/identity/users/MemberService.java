package com.cycube.identity.users;

import com.cycube.identity.keycloak.IdentityProviderAccounts;
import com.cycube.identity.organizations.OrganizationService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Members of an organization: listing (managers, integration clients with org:read, root), role
 * changes and deactivation (managers, root) — written to Keycloak first, then here.
 */
@Service
public class MemberService {

    /** Criteria for member lists; null means any. */
    public record Filter(String teamId, Role role, UserStatus status) {
    }

    private static final Sort BY_NAME = Sort.by("displayName", "_id");

    private final TenantScopedMongo tenants;
    private final OrganizationService organizations;
    private final IdentityProviderAccounts accounts;
    private final UserWrites writes;

    public MemberService(TenantScopedMongo tenants, OrganizationService organizations, IdentityProviderAccounts accounts,
                         UserWrites writes) {
        this.tenants = tenants;
        this.organizations = organizations;
        this.accounts = accounts;
        this.writes = writes;
    }

    public Connection<UserDocument> list(Caller caller, String requestedOrganizationId, Filter filter, PageRequest page) {
        caller.require(Role.MANAGER, OrganizationService.ORG_READ);
        String organizationId = organizations.targetOrganization(caller, requestedOrganizationId);
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("organizationId").is(organizationId));
        criteria.add(Criteria.where("status").ne(UserStatus.REVOKED)); // revoked invitees are gone
        if (filter != null && filter.teamId() != null) {
            criteria.add(Criteria.where("teamIds").is(filter.teamId()));
        }
        if (filter != null && filter.role() != null) {
            criteria.add(Criteria.where("role").is(filter.role()));
        }
        if (filter != null && filter.status() != null) {
            criteria.add(Criteria.where("status").is(filter.status()));
        }
        Criteria all = new Criteria().andOperator(criteria);
        List<UserDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, all, BY_NAME, page, UserDocument.class);
        return Connection.of(rows, page, tenants.count(caller, Visibility.OWN_ORGANIZATION, all, UserDocument.class));
    }

    public UserDocument changeRole(Caller caller, String userId, Role newRole) {
        caller.require(Role.MANAGER, null);
        UserDocument member = member(caller, userId);
        MembershipRules.checkRoleChange(member, newRole, activeManagers(caller, member.organizationId()));
        if (member.role() == newRole) {
            return member;
        }
        accounts.setRole(userId, newRole);
        return writes.change(caller, userId, current -> {
            if (current.role() != member.role()) {
                throw DomainException.conflict("The member changed meanwhile; reload and try again");
            }
            return Optional.of(new UserWrites.Change(new Update().set("role", newRole), current.withRole(newRole)));
        });
    }

    public UserDocument deactivate(Caller caller, String userId) {
        caller.require(Role.MANAGER, null);
        UserDocument member = member(caller, userId);
        if (member.status() == UserStatus.DEACTIVATED) {
            return member;
        }
        MembershipRules.checkDeactivation(member, activeManagers(caller, member.organizationId()));
        accounts.disable(userId);
        return writes.change(caller, userId, current -> current.status() == UserStatus.DEACTIVATED ? Optional.empty()
                : Optional.of(new UserWrites.Change(new Update().set("status", UserStatus.DEACTIVATED),
                        current.withStatus(UserStatus.DEACTIVATED))));
    }

    /** A member of an organization the caller manages; another tenant's user is NOT_FOUND. */
    private UserDocument member(Caller caller, String userId) {
        UserDocument member = tenants.getById(caller, Visibility.OWN_ORGANIZATION, userId, UserDocument.class, "User");
        if (member.status() == UserStatus.REVOKED) {
            throw DomainException.notFound("User", userId);
        }
        return member;
    }

    private long activeManagers(Caller caller, String organizationId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("organizationId").is(organizationId)
                .and("role").is(Role.MANAGER).and("status").is(UserStatus.ACTIVE), UserDocument.class);
    }
}
