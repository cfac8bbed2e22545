package com.cycube.labs.instances;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Batched, tenant-scoped lab reads for federation: every key of one response level in one query, keys the
 * caller may not see resolve to null. Keys are loaded with {@code RequestContext.load}, so each batch knows its
 * caller.
 */
public final class LabDataLoaders {

    public static final String LABS = "labs";
    public static final String MY_LAB_BY_CUBE = "myLabByCube";
    public static final String ACTIVE_LABS_BY_OWNER = "activeLabsByOwner";

    private LabDataLoaders() {
    }

    /** Labs by id ({@code _entities}). */
    @DgsDataLoader(name = LABS)
    public static class Labs implements MappedBatchLoaderWithContext<String, LabInstanceDocument> {
        private final LabStore store;

        public Labs(LabStore store) {
            this.store = store;
        }

        @Override
        public CompletionStage<Map<String, LabInstanceDocument>> load(Set<String> ids, BatchLoaderEnvironment env) {
            Caller caller = RequestContext.from(env).caller();
            return CompletableFuture.completedFuture(store.findVisible(caller, ids).stream()
                    .collect(Collectors.toMap(LabInstanceDocument::id, Function.identity())));
        }
    }

    /** The caller's active lab per cube id ({@code Cube.myLab}). */
    @DgsDataLoader(name = MY_LAB_BY_CUBE)
    public static class MyLabByCube implements MappedBatchLoaderWithContext<String, LabInstanceDocument> {
        private final LabStore store;

        public MyLabByCube(LabStore store) {
            this.store = store;
        }

        @Override
        public CompletionStage<Map<String, LabInstanceDocument>> load(Set<String> cubeIds, BatchLoaderEnvironment env) {
            Caller caller = RequestContext.from(env).caller();
            if (!LabAccess.canReadLabs(caller) || caller.organizationId().isEmpty()) {
                return CompletableFuture.completedFuture(Map.of());
            }
            return CompletableFuture.completedFuture(store.findMyActiveByCubes(caller, cubeIds).stream()
                    .collect(Collectors.toMap(LabInstanceDocument::cubeId, Function.identity(), (a, b) -> a)));
        }
    }

    /**
     * Active labs per user id ({@code User.activeLabs}): for the user themselves, managers (their organization's
     * labs) and root; null for anyone else.
     */
    @DgsDataLoader(name = ACTIVE_LABS_BY_OWNER)
    public static class ActiveLabsByOwner implements MappedBatchLoaderWithContext<String, List<LabInstanceDocument>> {
        private final LabStore store;

        public ActiveLabsByOwner(LabStore store) {
            this.store = store;
        }

        @Override
        public CompletionStage<Map<String, List<LabInstanceDocument>>> load(Set<String> userIds, BatchLoaderEnvironment env) {
            Caller caller = RequestContext.from(env).caller();
            if (!LabAccess.canReadLabs(caller)) {
                return CompletableFuture.completedFuture(Map.of());
            }
            Set<String> visibleUsers = caller.hasRole(Role.MANAGER) ? userIds
                    : userIds.stream().filter(id -> id.equals(caller.subject())).collect(Collectors.toSet());
            Map<String, List<LabInstanceDocument>> result = new HashMap<>();
            visibleUsers.forEach(id -> result.put(id, new java.util.ArrayList<>()));
            if (!visibleUsers.isEmpty()) {
                store.findActiveByOwners(caller, visibleUsers).forEach(lab -> result.get(lab.ownerId()).add(lab));
            }
            return CompletableFuture.completedFuture(result);
        }
    }
}
