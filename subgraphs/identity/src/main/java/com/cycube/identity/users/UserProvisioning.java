package com.cycube.identity.users;

import com.cycube.identity.invitations.InvitationDocument;
import com.cycube.identity.invitations.InvitationStatus;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Just-in-time provisioning: the first authenticated call of a person creates their user from the
 * token's claims, or links the seeded/invited user with the same id (marks it ACTIVE, refreshes
 * e-mail and name from the token, accepts the pending invitation). Later calls only read.
 *
 * <p>This reads and writes the caller's own document by its id (the token's subject) with the
 * plain MongoTemplate: before the first sign-in there may be no document, and the subject — not
 * the tenant — is what identifies it. No other document is read this way.
 */
@Service
public class UserProvisioning {

    private final MongoTemplate mongo;
    private final Clock clock;

    public UserProvisioning(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The calling person's user; UNAUTHENTICATED without a token, FORBIDDEN for integrations and deactivated users. */
    public UserDocument currentUser(Caller caller) {
        caller.requireAuthenticated();
        if (caller.isIntegration()) {
            throw DomainException.forbidden("Integration clients are not users");
        }
        UserDocument user = mongo.findById(caller.subject(), UserDocument.class);
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
                UserStatus.ACTIVE, List.of(), now, now);
        try {
            return mongo.insert(user);
        } catch (DuplicateKeyException concurrentFirstCall) {
            return mongo.findById(caller.subject(), UserDocument.class);
        }
    }

    private UserDocument linkOnFirstSignIn(Caller caller, UserDocument user) {
        Instant now = clock.instant();
        Update update = new Update().set("firstSignInAt", now);
        if (caller.email() != null && !caller.email().isBlank()) {
            update.set("email", normalizedEmail(caller));
        }
        if (caller.displayName() != null && !caller.displayName().isBlank()) {
            update.set("displayName", caller.displayName().strip());
        }
        if (user.status() == UserStatus.INVITED) {
            update.set("status", UserStatus.ACTIVE);
            mongo.updateMulti(Query.query(Criteria.where("userId").is(user.id()).and("status").is(InvitationStatus.PENDING)),
                    new Update().set("status", InvitationStatus.ACCEPTED), InvitationDocument.class);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(user.id()).and("firstSignInAt").is(null)), update, UserDocument.class);
        return mongo.findById(user.id(), UserDocument.class);
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
