package com.cycube.analytics.access;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;

/**
 * Who may read which analytics: root every organization's; managers and integration clients with
 * {@value #READ_SCOPE} their own organization's; a trainee only their own learning report and records. Another
 * organization's data answers NOT_FOUND, never "forbidden", so that ids of other tenants reveal nothing.
 */
public final class AnalyticsAccess {

    public static final String READ_SCOPE = "analytics:read";

    private AnalyticsAccess() {
    }

    /**
     * The organization whose organization-wide figures {@code caller} reads: root names one, the others read their
     * own (naming another is NOT_FOUND).
     */
    public static String organizationFor(Caller caller, String requested) {
        caller.require(Role.MANAGER, READ_SCOPE);
        if (caller.isRoot()) {
            if (requested == null || requested.isBlank()) {
                throw DomainException.badInput("Root reads one organization at a time: pass organizationId");
            }
            return requested;
        }
        String own = caller.requireOrganization();
        if (requested != null && !requested.equals(own)) {
            throw DomainException.notFound("Organization", requested);
        }
        return own;
    }

    /** Whether {@code caller} reads organization-wide figures of {@code organizationId}. */
    public static boolean readsOrganization(Caller caller, String organizationId) {
        return caller.isRoot()
                || ((caller.hasRole(Role.MANAGER) || caller.hasScope(READ_SCOPE)) && caller.canAccessOrganization(organizationId));
    }

    /** Whether {@code caller} reads the learning report of {@code userId} of {@code organizationId}. */
    public static boolean readsLearner(Caller caller, String organizationId, String userId) {
        return readsOrganization(caller, organizationId)
                || (caller.kind() == Caller.Kind.PERSON && userId.equals(caller.subject())
                && caller.canAccessOrganization(organizationId));
    }
}
