package com.cycube.audit.access;

import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;

/**
 * Who may read the audit trail (records, verification, exports, security alerts): root every organization's and the
 * platform's; managers their own organization's; integration clients with the {@value #SCOPE} scope their own
 * organization's; nobody else (FORBIDDEN). Asking for another organization's answers nothing — no records, no
 * alerts; a verification of another organization's trail is NOT_FOUND, like a trail that does not exist.
 */
public final class AuditReaders {

    /** The integration scope that reads the organization's audit trail. */
    public static final String SCOPE = "audit:read";

    private AuditReaders() {
    }

    /**
     * Which records a reader sees: every organization's ({@code all}), one organization's, or none.
     */
    public record Scope(boolean all, String organizationId) {

        public static final Scope ALL = new Scope(true, null);
        public static final Scope NOTHING = new Scope(false, null);

        public boolean nothing() {
            return !all && organizationId == null;
        }
    }

    /** The records {@code caller} may list when asking for {@code requested} (null: root all, others their own). */
    public static Scope scope(Caller caller, String requested) {
        if (requireReader(caller).isRoot()) {
            return requested == null ? Scope.ALL : new Scope(false, requested);
        }
        String own = caller.requireOrganization();
        return requested == null || requested.equals(own) ? new Scope(false, own) : Scope.NOTHING;
    }

    /**
     * The chain {@code caller} may verify: root any organization's ({@code requested}, or the platform's chain when
     * null); others their own organization's only.
     */
    public static String chain(Caller caller, String requested) {
        if (requireReader(caller).isRoot()) {
            return AuditEventDocument.chainOf(requested);
        }
        String own = caller.requireOrganization();
        if (requested != null && !requested.equals(own)) {
            throw DomainException.notFound("Audit trail", requested);
        }
        return own;
    }

    private static Caller requireReader(Caller caller) {
        caller.requireAuthenticated();
        boolean reader = caller.hasRole(Role.MANAGER) || caller.hasScope(SCOPE);
        if (!reader) {
            throw DomainException.forbidden("The audit trail needs the MANAGER role or the " + SCOPE + " scope");
        }
        return caller;
    }
}
