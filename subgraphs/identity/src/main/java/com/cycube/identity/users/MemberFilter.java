package com.cycube.identity.users;

import com.cycube.support.auth.Role;

/** {@code MemberFilter}: criteria for member lists; null means any, all given ones must match. */
public record MemberFilter(String teamId, Role role, UserStatus status) {

    /** The direct members of one team. */
    public static MemberFilter ofTeam(String teamId) {
        return new MemberFilter(teamId, null, null);
    }
}
