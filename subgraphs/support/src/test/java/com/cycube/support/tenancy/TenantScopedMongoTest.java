package com.cycube.support.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantScopedMongoTest {

    private final TenantScopedMongo scoped = new TenantScopedMongo(null);

    private static Caller person(Role role, String org) {
        return new Caller("s", Caller.Kind.PERSON, Optional.of(role), Optional.ofNullable(org), Set.of(), null, null, null);
    }

    @Test
    void reads_of_a_tenant_are_limited_to_its_organization() {
        assertThat(scoped.tenantCriteria(person(Role.MANAGER, "org-acme"), Visibility.OWN_ORGANIZATION).getCriteriaObject().toJson())
                .isEqualTo("{\"organizationId\": \"org-acme\"}");
    }

    @Test
    void shared_reads_add_global_documents_but_no_other_tenant() {
        assertThat(scoped.tenantCriteria(person(Role.TRAINEE, "org-acme"), Visibility.OWN_ORGANIZATION_OR_GLOBAL).getCriteriaObject().toJson())
                .isEqualTo("{\"organizationId\": {\"$in\": [\"org-acme\", null]}}");
    }

    @Test
    void root_reads_everything() {
        assertThat(scoped.tenantCriteria(person(Role.ROOT, null), Visibility.OWN_ORGANIZATION).getCriteriaObject().isEmpty()).isTrue();
    }

    @Test
    void a_caller_without_organization_owns_nothing() {
        assertThat(scoped.tenantCriteria(Caller.ANONYMOUS, Visibility.OWN_ORGANIZATION).getCriteriaObject().toJson())
                .doesNotContain("org-");
    }

    @Test
    void writes_outside_the_own_organization_or_to_global_data_are_forbidden_except_for_root() {
        assertThatThrownBy(() -> TenantScopedMongo.assertWritable(person(Role.MANAGER, "org-acme"), "org-globex")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> TenantScopedMongo.assertWritable(person(Role.MANAGER, "org-acme"), null)).isInstanceOf(DomainException.class);
        assertThatCode(() -> TenantScopedMongo.assertWritable(person(Role.MANAGER, "org-acme"), "org-acme")).doesNotThrowAnyException();
        assertThatCode(() -> TenantScopedMongo.assertWritable(person(Role.ROOT, null), null)).doesNotThrowAnyException();
    }
}
