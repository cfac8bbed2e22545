package com.cycube.identity.organizations;

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

/** Organizations by id, one query per batch, limited to what the caller may see (others are absent). */
@DgsDataLoader(name = OrganizationsDataLoader.NAME)
public class OrganizationsDataLoader implements MappedBatchLoaderWithContext<String, OrganizationDocument> {

    public static final String NAME = "organizationsById";

    private final TenantScopedMongo tenants;

    public OrganizationsDataLoader(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    @Override
    public CompletionStage<Map<String, OrganizationDocument>> load(Set<String> ids, BatchLoaderEnvironment environment) {
        RequestContext context = RequestContext.from(environment);
        return CompletableFuture.completedFuture(tenants
                .findAllById(context.caller(), Visibility.OWN_ORGANIZATION, ids, OrganizationDocument.class).stream()
                .collect(Collectors.toMap(OrganizationDocument::id, Function.identity())));
    }
}
