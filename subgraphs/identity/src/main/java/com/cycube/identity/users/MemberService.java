package com.cycube.identity.users;

import com.cycube.identity.keycloak.IdentityProviderAccounts;
import com.cycube.identity.organizations.OrganizationService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import java.util.Collection;
import java.util.Map;
import com.cycube.support.pagination.PageRequest;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Members of an organization: listing (managers, integration clients with org:read, root), role
 * changes and deactivation (managers, root) — written to Keycloak first, then here.
 */
@Service
public class MemberService {

    private final UserStore users;
    private final OrganizationService organizations;
    private final IdentityProviderAccounts accounts;

    public MemberService(UserStore users, OrganizationService organizations, IdentityProviderAccounts accounts) {
        this.users = users;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    public Connection<UserDocument> list(Caller caller, String requestedOrganizationId, MemberFilter filter, PageRequest page) {
        caller.require(Role.MANAGER, OrganizationService.ORG_READ);
        return users.members(caller, organizations.targetOrganization(caller, requestedOrganizationId), filter, page);
    }

    /** Pages of the direct members of several teams (managers, integration clients with org:read, root). */
    public Map<TeamMembersDataLoader.TeamPage, Connection<UserDocument>> ofTeams(Caller caller,
                                                                              Collection<TeamMembersDataLoader.TeamPage> pages) {
        caller.require(Role.MANAGER, OrganizationService.ORG_READ);
        return users.membersOfTeams(caller, pages);
    }

    public UserDocument changeRole(Caller caller, String userId, Role newRole) {
        caller.require(Role.MANAGER, null);
        UserDocument member = users.get(caller, userId);
        MembershipRules.checkRoleChange(member, newRole, users.countActiveManagers(caller, member.organizationId()));
        if (member.role() == newRole) {
            return member;
        }
        accounts.setRole(userId, newRole);
        return users.change(caller, userId, current -> {
            if (current.role() != member.role()) {
                throw DomainException.conflict("The member changed meanwhile; reload and try again");
            }
            return Optional.of(current.withRole(newRole));
        });
    }

    public UserDocument deactivate(Caller caller, String userId) {
        caller.require(Role.MANAGER, null);
        UserDocument member = users.get(caller, userId);
        if (member.status() == UserStatus.DEACTIVATED) {
            return member;
        }
        MembershipRules.checkDeactivation(member, users.countActiveManagers(caller, member.organizationId()));
        accounts.disable(userId);
        return users.change(caller, userId, current -> current.status() == UserStatus.DEACTIVATED ? Optional.empty()
                : Optional.of(current.withStatus(UserStatus.DEACTIVATED)));
    }
}
