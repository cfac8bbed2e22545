package com.cycube.identity.users;

import com.cycube.support.tenancy.TenantScopedBatchLoader;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import com.netflix.graphql.dgs.DgsDataLoader;

/**
 * Users by id: one MongoDB query for a whole batch (e.g. the 20 course authors the router asks for
 * in one {@code _entities} call). Visible are the caller's organization and platform staff
 * (root, who has no organization and authors global content); other tenants' users are absent.
 */
@DgsDataLoader(name = UsersDataLoader.NAME)
public class UsersDataLoader extends TenantScopedBatchLoader<UserDocument> {

    public static final String NAME = "usersById";

    public UsersDataLoader(TenantScopedMongo tenants) {
        super(tenants, Visibility.OWN_ORGANIZATION_OR_GLOBAL, UserDocument.class, UserDocument::id);
    }
}
