package com.cycube.identity.teams;

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

/** Teams by id, one query per batch, limited to the caller's organization (others are absent). */
@DgsDataLoader(name = TeamsDataLoader.NAME)
public class TeamsDataLoader implements MappedBatchLoaderWithContext<String, TeamDocument> {

    public static final String NAME = "teamsById";

    private final TenantScopedMongo tenants;

    public TeamsDataLoader(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    @Override
    public CompletionStage<Map<String, TeamDocument>> load(Set<String> ids, BatchLoaderEnvironment environment) {
        RequestContext context = RequestContext.from(environment);
        return CompletableFuture.completedFuture(tenants
                .findAllById(context.caller(), Visibility.OWN_ORGANIZATION, ids, TeamDocument.class).stream()
                .collect(Collectors.toMap(TeamDocument::id, Function.identity())));
    }
}
