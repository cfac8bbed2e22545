package com.cycube.identity.organizations;

import com.cycube.support.tenancy.TenantScopedBatchLoader;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import com.netflix.graphql.dgs.DgsDataLoader;

/** Organizations by id, one query per batch, limited to what the caller may see (others are absent). */
@DgsDataLoader(name = OrganizationsDataLoader.NAME)
public class OrganizationsDataLoader extends TenantScopedBatchLoader<OrganizationDocument> {

    public static final String NAME = "organizationsById";

    public OrganizationsDataLoader(TenantScopedMongo tenants) {
        super(tenants, Visibility.OWN_ORGANIZATION, OrganizationDocument.class, OrganizationDocument::id);
    }
}
