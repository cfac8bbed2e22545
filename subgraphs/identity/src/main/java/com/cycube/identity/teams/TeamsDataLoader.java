package com.cycube.identity.teams;

import com.cycube.support.tenancy.TenantScopedBatchLoader;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import com.netflix.graphql.dgs.DgsDataLoader;

/** Teams by id, one query per batch, limited to the caller's organization (others are absent). */
@DgsDataLoader(name = TeamsDataLoader.NAME)
public class TeamsDataLoader extends TenantScopedBatchLoader<TeamDocument> {

    public static final String NAME = "teamsById";

    public TeamsDataLoader(TenantScopedMongo tenants) {
        super(tenants, Visibility.OWN_ORGANIZATION, TeamDocument.class, TeamDocument::id);
    }
}
