package com.cycube.identity.keycloak;

import com.cycube.support.auth.Role;
import java.time.Duration;

/**
 * What the identity domain needs from the identity provider (Keycloak): accounts whose realm role
 * and {@code org_id} attribute mirror identity's memberships. Identity is the source of truth;
 * every method either succeeds or throws a {@code DomainException} (CONFLICT, UNAVAILABLE), so
 * callers change their own data only after the provider accepted the change.
 */
public interface IdentityProviderAccounts {

    /** Creates an enabled account for an invited person with the role and organization; returns its id (the future {@code sub}). */
    String createInvitedUser(String email, String organizationId, Role role);

    /** Makes {@code role} the account's only platform role. */
    void setRole(String userId, Role role);

    /** Disables the account: it can no longer sign in. */
    default void disable(String userId) {
        setEnabled(userId, false);
    }

    /** Enables (it can sign in) or disables (it cannot) the account. */
    void setEnabled(String userId, boolean enabled);

    /** Sends the invitation e-mail (set a password, verify the address), valid for {@code validity}. */
    void sendInvitationEmail(String userId, Duration validity);

    /** Removes the account (a revoked invitation, or compensation of a failed invitation); a missing account is fine. */
    void delete(String userId);
}
