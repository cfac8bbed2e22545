package com.cycube.identity.users;

import com.cycube.identity.events.OutboxInserts;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.Outbox;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every write of a user document, each carrying its {@code identity.UserChanged} snapshot in the same
 * single-document write. Memberships live in the user document ({@code teamIds}), so team membership changes
 * are user writes too. Updates are compare-and-set on the snapshot's fields and {@code snapshotVersion} (re-read
 * and re-decided a few times when someone else changed the user meanwhile), so a snapshot never carries a value
 * another write has already replaced, and each write sets {@code snapshotVersion} to the read one + 1 — the
 * snapshot's {@code version}, strictly increasing per user. User documents are never replaced wholesale (that
 * would drop pending events).
 */
@Component
public class UserWrites {

    /**
     * What a change does: the update, the user as it is after it (the snapshot's source), and an optional extra
     * condition on top of "the snapshot's fields are unchanged".
     */
    public record Change(Update update, UserDocument result, Criteria precondition) {
        public Change(Update update, UserDocument result) {
            this(update, result, null);
        }
    }

    private static final int ATTEMPTS = 3;

    private final TenantScopedMongo tenants;
    private final MongoTemplate mongo;
    private final Clock clock;

    public UserWrites(TenantScopedMongo tenants, MongoTemplate mongo, Clock clock) {
        this.tenants = tenants;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Inserts a new user (invited, or created at first sign-in) with its first snapshot. */
    public UserDocument insert(Caller caller, UserDocument user) {
        if (caller != null) {
            TenantScopedMongo.assertWritable(caller, user.organizationId());
        }
        UserDocument first = user.withSnapshotVersion(1L);
        OutboxInserts.insert(mongo, first, UserDocument.COLLECTION, UserEvents.changed(first, clock.instant()));
        return first;
    }

    /**
     * Reads the user, lets {@code decide} work out the change (empty: nothing to change, the user is answered
     * as is), and stores it with its snapshot if the user is still as read. {@code caller} null means a system
     * write (first sign-in: the caller's own document by the token's subject) with the plain MongoTemplate.
     */
    public UserDocument change(Caller caller, String userId, Function<UserDocument, Optional<Change>> decide) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            UserDocument current = read(caller, userId);
            Optional<Change> change = decide.apply(current);
            if (change.isEmpty()) {
                return current;
            }
            Instant now = clock.instant();
            long version = current.nextSnapshotVersion();
            Update update = Outbox.record(change.get().update().set("snapshotVersion", version),
                    UserEvents.changed(change.get().result().withSnapshotVersion(version), now));
            Criteria unchanged = change.get().precondition() == null ? UserEvents.unchanged(current)
                    : new Criteria().andOperator(UserEvents.unchanged(current), change.get().precondition());
            Optional<UserDocument> stored = caller == null
                    ? Optional.ofNullable(mongo.findAndModify(Query.query(new Criteria().andOperator(
                            Criteria.where("_id").is(userId), unchanged)), update,
                            FindAndModifyOptions.options().returnNew(true), UserDocument.class))
                    : tenants.update(caller, userId, unchanged, update, UserDocument.class);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw DomainException.conflict("The member changed meanwhile; reload and try again");
    }

    private UserDocument read(Caller caller, String userId) {
        if (caller == null) {
            UserDocument user = mongo.findById(userId, UserDocument.class);
            if (user == null || user.status() == UserStatus.REVOKED) {
                throw DomainException.notFound("User", userId);
            }
            return user;
        }
        UserDocument user = tenants.getById(caller, Visibility.OWN_ORGANIZATION, userId, UserDocument.class, "User");
        if (user.status() == UserStatus.REVOKED) {
            throw DomainException.notFound("User", userId);
        }
        return user;
    }
}
