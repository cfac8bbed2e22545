package com.cycube.support.contracts.identity;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * A snapshot of a team after a change (creation, rename, move under another parent, deletion). {@code parentTeamId}
 * is null for a top-level team; {@code deleted} is true in the last snapshot of a deleted team. Consumers keep the
 * snapshot with the highest {@code version} (1 at creation, +1 per change, written by the same write).
 */
@EventType("identity.TeamChanged")
public record TeamChanged(String teamId, String name, String parentTeamId, boolean deleted, long version)
        implements EventPayload {
    public TeamChanged {
        Objects.requireNonNull(teamId, "teamId");
    }
}
