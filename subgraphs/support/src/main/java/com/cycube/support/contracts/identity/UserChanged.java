package com.cycube.support.contracts.identity;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a user after a change (first sign-in, invitation, profile, role, teams, (de)activation, revoked
 * invitation). {@code displayName} is null while the user has none that is not an e-mail address (events never
 * carry e-mail addresses). Consumers keep the snapshot with the highest {@code version}.
 * {@code active} is true only for a member who signed in and is not deactivated; {@code status} says which of the
 * others it is — {@code INVITED} (has not signed in yet), {@code DEACTIVATED}, {@code REVOKED} (an invitation taken
 * back) — and is null in snapshots from before it existed.
 */
@EventType("identity.UserChanged")
public record UserChanged(String userId, String displayName, String role, List<String> teamIds, boolean active,
                          Long version, String status) implements EventPayload {

    public UserChanged {
        Objects.requireNonNull(userId, "userId");
    }

    /** A snapshot without a status (as before it existed, and for consumers that do not need it). */
    public UserChanged(String userId, String displayName, String role, List<String> teamIds, boolean active, Long version) {
        this(userId, displayName, role, teamIds, active, version, null);
    }

    /**
     * Whether the person lost access: deactivated, or an invitation revoked. An invited person who has not signed in
     * yet has not (they must be able to sign in for the first time); a snapshot without a status counts as not lost.
     */
    public boolean accessRemoved() {
        return "DEACTIVATED".equals(status) || "REVOKED".equals(status);
    }

    /** The version to order by: a snapshot from before versions existed counts as 0, so any versioned one wins. */
    public long versionOrZero() {
        return version == null ? 0 : version;
    }
}
