package com.cycube.identity.users;

import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link UserChanged} (docs/events.md): a snapshot of the user as the write that carries it leaves the user —
 * consumers keep the one with the highest {@code version} (the user's {@code snapshotVersion}: 1 at insert, +1 per
 * change, in the same write), never deciding by {@code occurredAt}, whose wall clock differs between instances.
 * {@link UserStore} writes it compare-and-set, so a snapshot never carries a value another write already replaced.
 */
public final class UserEvents {

    private UserEvents() {
    }

    /** The snapshot of {@code user} (as it is after the write), occurred at {@code at}. */
    public static DomainEvent changed(UserDocument user, Instant at) {
        return DomainEvent.of(user.organizationId(), at, new UserChanged(user.id(), publicName(user),
                user.role() == null ? null : user.role().name(), user.teamIds(), user.status() == UserStatus.ACTIVE,
                user.snapshotVersion(), user.status().name()));
    }

    /**
     * What a write of {@code next} (after {@code before}; null for an insert) announces: its snapshot, and its contact
     * details when they are new or changed (ADR 21: the one event with an e-mail address, for the notification
     * subgraph only).
     */
    public static DomainEvent[] written(UserDocument before, UserDocument next, Instant at) {
        boolean contactChanged = before == null || !Objects.equals(before.email(), next.email())
                || !Objects.equals(before.locale(), next.locale());
        return contactChanged ? new DomainEvent[] {changed(next, at), contact(next, at)} : new DomainEvent[] {changed(next, at)};
    }

    /** Where and in which language to write to {@code user}, versioned like its snapshot. */
    static DomainEvent contact(UserDocument user, Instant at) {
        return DomainEvent.of(user.organizationId(), at, new ContactDetailsChanged(user.id(), user.email(), user.locale(),
                user.snapshotVersion()));
    }

    /**
     * Events other than {@link ContactDetailsChanged} never carry e-mail addresses (docs/events.md); an invited user, or one whose token had no name, has
     * the address as display name until they choose one — then the snapshot says null.
     */
    static String publicName(UserDocument user) {
        String name = user.displayName();
        if (name == null || (user.email() != null && name.equalsIgnoreCase(user.email())) || name.contains("@")) {
            return null;
        }
        return name;
    }
}
