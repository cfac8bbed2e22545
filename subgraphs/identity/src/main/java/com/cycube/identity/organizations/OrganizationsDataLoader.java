package com.cycube.identity.organizations;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;

/** Organizations by id, one query per batch, limited to what the caller may see (others are absent). */
@DgsDataLoader(name = OrganizationsDataLoader.NAME)
public class OrganizationsDataLoader extends CallerBatchLoader<String, OrganizationDocument> {

    public static final String NAME = "organizationsById";

    private final OrganizationStore organizations;

    public OrganizationsDataLoader(OrganizationStore organizations) {
        this.organizations = organizations;
    }

    @Override
    protected Map<String, OrganizationDocument> loadFor(Caller caller, Set<String> ids) {
        return organizations.byIds(caller, ids);
    }
}
