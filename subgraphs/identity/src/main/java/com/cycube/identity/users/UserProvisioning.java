package com.cycube.identity.users;

import com.cycube.identity.invitations.InvitationStore;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Just-in-time provisioning: the first authenticated call of a person creates their user from the
 * token's claims, or links the seeded/invited user with the same id (marks it ACTIVE, refreshes
 * e-mail and name from the token, accepts the pending invitation). Later calls only read.
 *
 * <p>This reads and writes the caller's own document by its id (the token's subject), not through the tenant:
 * before the first sign-in there may be no document, and the subject — not the tenant — is what identifies it
 * ({@link UserStore#findBySubject}). No other document is read this way.
 */
@Service
public class UserProvisioning {

    private final UserStore users;
    private final InvitationStore invitations;
    private final Clock clock;

    public UserProvisioning(UserStore users, InvitationStore invitations, Clock clock) {
        this.users = users;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** The calling person's user; UNAUTHENTICATED without a token, FORBIDDEN for integrations and deactivated users. */
    public UserDocument currentUser(Caller caller) {
        caller.requireAuthenticated();
        if (caller.isIntegration()) {
            throw DomainException.forbidden("Integration clients are not users");
        }
        UserDocument user = users.findBySubject(caller.subject()).orElse(null);
        if (user != null && user.status() == UserStatus.REVOKED) {
            // a still-valid token of a revoked invitee (the Keycloak account is gone): never activated
            throw DomainException.forbidden("This invitation was revoked");
        }
        if (user == null) {
            user = createFromToken(caller);
        } else if (user.firstSignInAt() == null) {
            user = linkOnFirstSignIn(caller, user);
        }
        if (user.status() == UserStatus.DEACTIVATED) {
            throw DomainException.forbidden("This account is deactivated");
        }
        return user;
    }

    private UserDocument createFromToken(Caller caller) {
        Instant now = clock.instant();
        Role role = caller.role().orElse(Role.TRAINEE);
        String email = normalizedEmail(caller);
        UserDocument user = new UserDocument(caller.subject(), role == Role.ROOT ? null : caller.organizationId().orElse(null),
                email, displayName(caller, email), LanguageTags.parse(caller.locale()).orElse(null), role,
                UserStatus.ACTIVE, List.of(), now, now, null);
        try {
            return users.insert(null, user);
        } catch (DuplicateKeyException concurrentFirstCall) {
            return users.findBySubject(caller.subject()).orElse(null);
        }
    }

    /**
     * Links a seeded or invited user at their first sign-in, with the snapshot it leaves behind. Only the first
     * call links ({@code firstSignInAt} still null); a concurrent first call finds it linked and just reads it.
     */
    private UserDocument linkOnFirstSignIn(Caller caller, UserDocument user) {
        UserDocument linked = users.change(null, user.id(), current -> {
            if (current.firstSignInAt() != null) {
                return Optional.empty();
            }
            UserDocument result = current.withFirstSignInAt(clock.instant());
            if (caller.email() != null && !caller.email().isBlank()) {
                result = result.withProfile(normalizedEmail(caller), result.displayName(), result.locale());
            }
            if (caller.displayName() != null && !caller.displayName().isBlank()) {
                result = result.withProfile(result.email(), caller.displayName().strip(), result.locale());
            }
            if (current.status() == UserStatus.INVITED) {
                result = result.withStatus(UserStatus.ACTIVE);
            }
            return Optional.of(result);
        });
        if (user.status() == UserStatus.INVITED) {
            invitations.acceptPendingOf(user.id());
        }
        return linked;
    }

    private static String normalizedEmail(Caller caller) {
        return caller.email() == null ? "" : caller.email().strip().toLowerCase(Locale.ROOT);
    }

    private static String displayName(Caller caller, String email) {
        if (caller.displayName() != null && !caller.displayName().isBlank()) {
            return caller.displayName().strip();
        }
        return email.isEmpty() ? caller.subject() : email;
    }
}
