package com.cycube.identity.users;

import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import java.time.Instant;

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
}
