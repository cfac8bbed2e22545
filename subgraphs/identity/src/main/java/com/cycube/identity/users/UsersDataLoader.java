package com.cycube.identity.users;

import com.cycube.support.context.RequestContext;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Users by id: one MongoDB query for a whole batch (e.g. the 20 course authors the router asks for
 * in one {@code _entities} call). Visible are the caller's organization and platform staff
 * (root, who has no organization and authors global content); other tenants' users are absent.
 */
@DgsDataLoader(name = UsersDataLoader.NAME)
public class UsersDataLoader implements MappedBatchLoaderWithContext<String, UserDocument> {

    public static final String NAME = "usersById";

    private final TenantScopedMongo tenants;

    public UsersDataLoader(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    @Override
    public CompletionStage<Map<String, UserDocument>> load(Set<String> ids, BatchLoaderEnvironment environment) {
        RequestContext context = RequestContext.from(environment);
        return CompletableFuture.completedFuture(tenants
                .findAllById(context.caller(), Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, UserDocument.class).stream()
                .collect(Collectors.toMap(UserDocument::id, Function.identity())));
    }
}
