package com.cycube.training.enrollments;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Who may read which enrollments (the tenant criterion is added by TenantScopedMongo on top): root all; managers
 * and integration clients with {@code training:read} their organization's; any other person only their own;
 * anyone else nothing.
 */
public final class EnrollmentAccess {

    public static final String READ_SCOPE = "training:read";
    public static final String WRITE_SCOPE = "training:write";

    private EnrollmentAccess() {
    }

    public static boolean readsWholeOrganization(Caller caller) {
        return caller.isRoot() || caller.hasRole(Role.MANAGER) || caller.hasScope(READ_SCOPE);
    }

    /** The extra criterion limiting a read to the caller's enrollments; null = the whole (tenant-scoped) organization. */
    public static Criteria readable(Caller caller) {
        if (readsWholeOrganization(caller)) {
            return null;
        }
        if (caller.kind() == Caller.Kind.PERSON && caller.subject() != null) {
            return Criteria.where("userId").is(caller.subject());
        }
        return Criteria.where("_id").is("\u0000nothing");
    }

    public static Criteria and(Criteria first, Criteria second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return new Criteria().andOperator(first, second);
    }
}
