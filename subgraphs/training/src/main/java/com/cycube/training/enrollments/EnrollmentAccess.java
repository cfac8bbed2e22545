package com.cycube.training.enrollments;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;

/**
 * Who may read which enrollments: root all; managers and integration clients with {@code training:read} their
 * organization's; any other person only their own; anyone else nothing (applied by {@link EnrollmentStore}).
 */
public final class EnrollmentAccess {

    public static final String READ_SCOPE = "training:read";
    public static final String WRITE_SCOPE = "training:write";

    private EnrollmentAccess() {
    }

    public static boolean readsWholeOrganization(Caller caller) {
        return caller.isRoot() || caller.hasRole(Role.MANAGER) || caller.hasScope(READ_SCOPE);
    }
}
