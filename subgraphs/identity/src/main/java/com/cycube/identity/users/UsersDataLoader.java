package com.cycube.identity.users;

import com.cycube.support.auth.Caller;
import com.cycube.support.tenancy.TenantScopedBatchLoader;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;

/**
 * Users by id: one MongoDB query for a whole batch (e.g. the 20 course authors the router asks for
 * in one {@code _entities} call). Visible are the caller's organization and platform staff
 * (root, who has no organization and authors global content); other tenants' users are absent, and so are
 * revoked invitees ({@link UserStatus#REVOKED}).
 */
@DgsDataLoader(name = UsersDataLoader.NAME)
public class UsersDataLoader extends TenantScopedBatchLoader<UserDocument> {

    public static final String NAME = "usersById";

    public UsersDataLoader(TenantScopedMongo tenants) {
        super(tenants, Visibility.OWN_ORGANIZATION_OR_GLOBAL, UserDocument.class, UserDocument::id);
    }

    @Override
    protected Map<String, UserDocument> loadFor(Caller caller, Set<String> ids) {
        Map<String, UserDocument> found = new java.util.HashMap<>(super.loadFor(caller, ids));
        found.values().removeIf(user -> user.status() == UserStatus.REVOKED);
        return found;
    }
}
