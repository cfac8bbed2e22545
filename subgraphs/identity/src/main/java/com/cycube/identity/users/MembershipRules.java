package com.cycube.identity.users;

import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;

/**
 * The rules of organization memberships that need no database: which roles may be granted and
 * that an organization always keeps an active manager.
 */
public final class MembershipRules {

    private MembershipRules() {
    }

    /** Checks a role change of {@code member} to {@code newRole}, given how many active managers the organization has. */
    public static void checkRoleChange(UserDocument member, Role newRole, long activeManagers) {
        if (newRole == Role.ROOT) {
            throw DomainException.forbidden("The ROOT role cannot be granted");
        }
        if (member.role() == Role.ROOT) {
            throw DomainException.forbidden("Root's role cannot be changed");
        }
        if (member.status() == UserStatus.DEACTIVATED) {
            throw DomainException.conflict("The member is deactivated");
        }
        if (isLastActiveManager(member, activeManagers) && newRole != Role.MANAGER) {
            throw DomainException.conflict("The organization's last manager cannot be demoted: promote another manager first");
        }
    }

    /** Checks deactivating {@code member}, given how many active managers the organization has. */
    public static void checkDeactivation(UserDocument member, long activeManagers) {
        if (member.role() == Role.ROOT) {
            throw DomainException.forbidden("Root cannot be deactivated");
        }
        if (member.status() == UserStatus.INVITED) {
            throw DomainException.conflict("The member has not accepted the invitation yet: revoke the invitation instead");
        }
        if (isLastActiveManager(member, activeManagers)) {
            throw DomainException.conflict("The organization's last manager cannot be deactivated: promote another manager first");
        }
    }

    private static boolean isLastActiveManager(UserDocument member, long activeManagers) {
        return member.role() == Role.MANAGER && member.status() == UserStatus.ACTIVE && activeManagers <= 1;
    }
}
