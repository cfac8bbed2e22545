package com.cycube.identity.users;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipRulesTest {

    private static UserDocument member(Role role, UserStatus status) {
        return new UserDocument("u1", "org-acme", "u1@acme.test", "U1", null, role, status, List.of(), Instant.EPOCH, null, 1L);
    }

    private static void assertCode(Runnable check, ErrorCode code) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(DomainException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void root_is_never_granted() {
        assertCode(() -> MembershipRules.checkRoleChange(member(Role.MANAGER, UserStatus.ACTIVE), Role.ROOT, 5), ErrorCode.FORBIDDEN);
    }

    @Test
    void the_last_active_manager_cannot_be_demoted_or_deactivated() {
        assertCode(() -> MembershipRules.checkRoleChange(member(Role.MANAGER, UserStatus.ACTIVE), Role.TRAINEE, 1), ErrorCode.CONFLICT);
        assertCode(() -> MembershipRules.checkDeactivation(member(Role.MANAGER, UserStatus.ACTIVE), 1), ErrorCode.CONFLICT);
    }

    @Test
    void a_manager_with_a_colleague_may_be_demoted_or_deactivated() {
        assertThatCode(() -> MembershipRules.checkRoleChange(member(Role.MANAGER, UserStatus.ACTIVE), Role.TRAINEE, 2)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.checkDeactivation(member(Role.MANAGER, UserStatus.ACTIVE), 2)).doesNotThrowAnyException();
    }

    @Test
    void trainees_are_promoted_freely() {
        assertThatCode(() -> MembershipRules.checkRoleChange(member(Role.TRAINEE, UserStatus.ACTIVE), Role.MANAGER, 1)).doesNotThrowAnyException();
    }

    @Test
    void deactivated_members_keep_their_role_and_invited_ones_are_revoked_not_deactivated() {
        assertCode(() -> MembershipRules.checkRoleChange(member(Role.TRAINEE, UserStatus.DEACTIVATED), Role.MANAGER, 1), ErrorCode.CONFLICT);
        assertCode(() -> MembershipRules.checkDeactivation(member(Role.TRAINEE, UserStatus.INVITED), 1), ErrorCode.CONFLICT);
    }

    @Test
    void root_accounts_are_out_of_reach() {
        assertCode(() -> MembershipRules.checkRoleChange(member(Role.ROOT, UserStatus.ACTIVE), Role.MANAGER, 1), ErrorCode.FORBIDDEN);
        assertCode(() -> MembershipRules.checkDeactivation(member(Role.ROOT, UserStatus.ACTIVE), 1), ErrorCode.FORBIDDEN);
    }
}
