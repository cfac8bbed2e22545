package com.cycube.labs.instances;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;

/**
 * Who may see and act on a lab (on top of the tenant criterion {@code TenantScopedMongo} adds; {@link LabStore}
 * reads trainees' labs by owner):
 * <ul>
 *   <li>the owner (any person);</li>
 *   <li>managers of the lab's organization;</li>
 *   <li>root, on every organization's labs.</li>
 * </ul>
 * Integration clients have no access to labs. Anyone else gets exactly what a missing id gets (null / NOT_FOUND).
 * The connection URL is stricter: the owner only ({@link #mayConnect}).
 */
public final class LabAccess {

    private LabAccess() {
    }

    /** People read labs; integrations never do. */
    public static boolean canReadLabs(Caller caller) {
        return caller.hasRole(Role.TRAINEE);
    }

    public static boolean mayConnect(Caller caller, LabInstanceDocument lab) {
        return caller.subject() != null && caller.subject().equals(lab.ownerId()) && caller.hasRole(Role.TRAINEE);
    }
}
