package com.cycube.identity.federation;

import com.cycube.identity.organizations.OrganizationDocument;
import com.cycube.identity.organizations.OrganizationService;
import com.cycube.identity.organizations.OrganizationsDataLoader;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.teams.TeamsDataLoader;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UsersDataLoader;
import com.cycube.support.auth.Role;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code _entities}: the router's references to identity's entities (identity extends no other subgraph's entity).
 * Members of the organization, integration clients with {@code org:read} and root may resolve them. Every
 * representation goes through the same tenant-scoped DataLoader, so N references cost one MongoDB query per type
 * (e.g. 20 course authors → one {@code find} on users), and a reference the caller may not see (another
 * organization's, a revoked invitee) resolves to null with NOT_FOUND — exactly like a missing id.
 */
@DgsComponent
public class EntitiesDataFetcher {

    @DgsEntityFetcher(name = "User")
    public CompletableFuture<UserDocument> user(Map<String, Object> values, DataFetchingEnvironment env) {
        return load(env, UsersDataLoader.NAME, "User", values);
    }

    @DgsEntityFetcher(name = "Organization")
    public CompletableFuture<OrganizationDocument> organization(Map<String, Object> values, DataFetchingEnvironment env) {
        return load(env, OrganizationsDataLoader.NAME, "Organization", values);
    }

    @DgsEntityFetcher(name = "Team")
    public CompletableFuture<TeamDocument> team(Map<String, Object> values, DataFetchingEnvironment env) {
        return load(env, TeamsDataLoader.NAME, "Team", values);
    }

    private static <V> CompletableFuture<V> load(DataFetchingEnvironment env, String loader, String type, Map<String, Object> values) {
        RequestContext.from(env).caller().require(Role.TRAINEE, OrganizationService.ORG_READ);
        String id = String.valueOf(values.get("id"));
        return RequestContext.<String, V>load(env, loader, id).thenApply(found -> {
            if (found == null) {
                throw DomainException.notFound(type, id);
            }
            return found;
        });
    }
}
