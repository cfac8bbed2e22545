package com.cycube.identity.teams;

import com.cycube.support.contracts.identity.TeamChanged;
import com.cycube.support.events.DomainEvent;
import java.time.Instant;

/**
 * {@link TeamChanged} (docs/events.md): a snapshot of the team as the write that carries it leaves it — created,
 * renamed, moved, or deleted ({@code deleted: true}, its last one). Consumers keep the one with the highest
 * {@code version}, the team's {@code snapshotVersion}, set by {@link TeamStore} in the same compare-and-set write that
 * records the event, so versions of one team strictly increase whatever the instances' clocks say.
 */
public final class TeamEvents {

    private TeamEvents() {
    }

    /** The snapshot of {@code team} (as it is after the write, its version set), occurred at {@code at}. */
    public static DomainEvent changed(TeamDocument team, Instant at) {
        return DomainEvent.of(team.organizationId(), at, new TeamChanged(team.id(), team.name(), team.parentId(),
                team.deleted(), team.snapshotVersion()));
    }
}
