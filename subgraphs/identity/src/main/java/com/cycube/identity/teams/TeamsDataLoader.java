package com.cycube.identity.teams;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;

/** Teams by id, one query per batch, limited to the caller's organization (others are absent). */
@DgsDataLoader(name = TeamsDataLoader.NAME)
public class TeamsDataLoader extends CallerBatchLoader<String, TeamDocument> {

    public static final String NAME = "teamsById";

    private final TeamStore teams;

    public TeamsDataLoader(TeamStore teams) {
        this.teams = teams;
    }

    @Override
    protected Map<String, TeamDocument> loadFor(Caller caller, Set<String> ids) {
        return teams.byIds(caller, ids);
    }
}
