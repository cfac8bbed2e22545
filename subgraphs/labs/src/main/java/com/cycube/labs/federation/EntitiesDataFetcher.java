package com.cycube.labs.federation;

import com.cycube.labs.instances.LabDataLoaders;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.labs.templates.LabTemplatesDataLoader;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code _entities} and the fields labs adds to other subgraphs' entities. Every lookup goes through a
 * tenant-scoped DataLoader: N references cost one read, and a reference the caller may not see (another
 * organization's lab, another trainee's lab) resolves to null — exactly like a missing id.
 */
@DgsComponent
public class EntitiesDataFetcher {

    @DgsEntityFetcher(name = "LabInstance")
    public CompletableFuture<LabInstanceDocument> labInstance(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, LabDataLoaders.LABS, (String) values.get("id"));
    }

    @DgsEntityFetcher(name = "LabTemplate")
    public CompletableFuture<LabTemplateDocument> labTemplate(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, LabTemplatesDataLoader.NAME, (String) values.get("id"));
    }

    /** The reference is all labs needs: Cube.myLab is looked up per caller. */
    @DgsEntityFetcher(name = "Cube")
    public EntityReference cube(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("Cube", values);
    }

    @DgsEntityFetcher(name = "User")
    public EntityReference user(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("User", values);
    }

    @DgsData(parentType = "Cube", field = "myLab")
    public CompletableFuture<LabInstanceDocument> myLab(DataFetchingEnvironment env) {
        EntityReference cube = env.getSource();
        return RequestContext.load(env, LabDataLoaders.MY_LAB_BY_CUBE, cube.id());
    }

    @DgsData(parentType = "User", field = "activeLabs")
    public CompletableFuture<List<LabInstanceDocument>> activeLabs(DataFetchingEnvironment env) {
        EntityReference user = env.getSource();
        return RequestContext.load(env, LabDataLoaders.ACTIVE_LABS_BY_OWNER, user.id());
    }
}
