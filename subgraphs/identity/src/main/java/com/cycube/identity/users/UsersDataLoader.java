package com.cycube.identity.users;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
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
public class UsersDataLoader extends CallerBatchLoader<String, UserDocument> {

    public static final String NAME = "usersById";

    private final UserStore users;

    public UsersDataLoader(UserStore users) {
        this.users = users;
    }

    @Override
    protected Map<String, UserDocument> loadFor(Caller caller, Set<String> ids) {
        return users.byIds(caller, ids);
    }
}
