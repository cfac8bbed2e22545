package com.cycube.identity.users;

import com.cycube.support.events.DomainEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * {@code identity.UserChanged} (docs/events.md): a snapshot of the user as the write that carries it leaves
 * the user — consumers keep the one with the highest {@code version} (the user's {@code snapshotVersion}: 1 at
 * insert, +1 per change, in the same write), never deciding by {@code occurredAt}, whose wall clock differs between
 * instances. The snapshot is only correct if nothing else changed the snapshot's fields or version between the
 * read and the write, hence {@link #unchanged}, the compare-and-set condition every user write uses.
 */
public final class UserEvents {

    public static final String USER_CHANGED = "identity.UserChanged";

    private UserEvents() {
    }

    /** The snapshot of {@code user} (as it is after the write), occurred at {@code at}. */
    public static DomainEvent changed(UserDocument user, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", user.id());
        payload.put("displayName", publicName(user));
        payload.put("role", user.role() == null ? null : user.role().name());
        payload.put("teamIds", user.teamIds());
        payload.put("active", user.status() == UserStatus.ACTIVE);
        payload.put("version", user.snapshotVersion());
        return DomainEvent.of(USER_CHANGED, user.organizationId(), at, payload);
    }

    /**
     * Events never carry e-mail addresses (docs/events.md); an invited user, or one whose token had no name, has
     * the address as display name until they choose one — then the snapshot says null.
     */
    static String publicName(UserDocument user) {
        String name = user.displayName();
        if (name == null || (user.email() != null && name.equalsIgnoreCase(user.email())) || name.contains("@")) {
            return null;
        }
        return name;
    }

    /** Matches the user only while every field of the snapshot is still as in {@code read}. */
    static Criteria unchanged(UserDocument read) {
        return new Criteria().andOperator(
                Criteria.where("displayName").is(read.displayName()),
                Criteria.where("role").is(read.role() == null ? null : read.role().name()),
                Criteria.where("status").is(read.status() == null ? null : read.status().name()),
                Criteria.where("teamIds").is(read.teamIds()),
                Criteria.where("snapshotVersion").is(read.snapshotVersion()));
    }
}
