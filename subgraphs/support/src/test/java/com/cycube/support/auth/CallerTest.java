package com.cycube.support.auth;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Caller person(Role role, String org) {
        return new Caller("s", Caller.Kind.PERSON, Optional.of(role), Optional.ofNullable(org), Set.of(), null, null, null);
    }

    private static Caller integration(String... scopes) {
        return new Caller("sa", Caller.Kind.INTEGRATION, Optional.empty(), Optional.of("org-acme"), Set.of(scopes), null, null, null);
    }

    @Test
    void anonymous_callers_are_refused_as_unauthenticated() {
        assertThatThrownBy(() -> Caller.ANONYMOUS.require(Role.TRAINEE, "org:read"))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    @Test
    void a_trainee_is_forbidden_what_needs_a_manager() {
        assertThatThrownBy(() -> person(Role.TRAINEE, "org-acme").require(Role.MANAGER, null))
                .isInstanceOfSatisfying(DomainException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void root_may_do_what_a_manager_may() {
        assertThatCode(() -> person(Role.ROOT, null).require(Role.MANAGER, null)).doesNotThrowAnyException();
    }

    @Test
    void an_integration_needs_the_scope_and_never_acts_on_a_role() {
        assertThatCode(() -> integration("org:read").require(Role.MANAGER, "org:read")).doesNotThrowAnyException();
        assertThatThrownBy(() -> integration("org:read").require(Role.MANAGER, "org:write")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> integration("org:read").require(Role.TRAINEE, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_manager_can_access_only_its_own_organization() {
        org.assertj.core.api.Assertions.assertThat(person(Role.MANAGER, "org-acme").canAccessOrganization("org-acme")).isTrue();
        org.assertj.core.api.Assertions.assertThat(person(Role.MANAGER, "org-acme").canAccessOrganization("org-globex")).isFalse();
        org.assertj.core.api.Assertions.assertThat(person(Role.MANAGER, "org-acme").canAccessOrganization(null)).isFalse();
    }
}
