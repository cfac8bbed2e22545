package com.cycube.support.contracts.identity;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a user after a change (first sign-in, invitation, profile, role, teams, (de)activation, revoked
 * invitation). {@code displayName} is null while the user has none that is not an e-mail address (events never
 * carry e-mail addresses). Consumers keep the snapshot with the highest {@code version}.
 */
@EventType("identity.UserChanged")
public record UserChanged(String userId, String displayName, String role, List<String> teamIds, boolean active,
                          Long version) implements EventPayload {

    public UserChanged {
        Objects.requireNonNull(userId, "userId");
    }

    /** The version to order by: a snapshot from before versions existed counts as 0, so any versioned one wins. */
    public long versionOrZero() {
        return version == null ? 0 : version;
    }
}
