package com.cycube.labs.instances;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.context.CallerBatchLoader;
import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    public static class Labs extends CallerBatchLoader<String, LabInstanceDocument> {
        private final LabStore store;

        public Labs(LabStore store) {
            this.store = store;
        }

        @Override
        protected Map<String, LabInstanceDocument> loadFor(Caller caller, Set<String> ids) {
            return store.findVisible(caller, ids).stream()
                    .collect(Collectors.toMap(LabInstanceDocument::id, Function.identity()));
        }
    }

    /** The caller's active lab per cube id ({@code Cube.myLab}). */
    @DgsDataLoader(name = MY_LAB_BY_CUBE)
    public static class MyLabByCube extends CallerBatchLoader<String, LabInstanceDocument> {
        private final LabStore store;

        public MyLabByCube(LabStore store) {
            this.store = store;
        }

        @Override
        protected Map<String, LabInstanceDocument> loadFor(Caller caller, Set<String> cubeIds) {
            if (!LabAccess.canReadLabs(caller) || caller.organizationId().isEmpty()) {
                return Map.of();
            }
            return store.findMyActiveByCubes(caller, cubeIds).stream()
                    .collect(Collectors.toMap(LabInstanceDocument::cubeId, Function.identity(), (a, b) -> a));
        }
    }

    /**
     * Active labs per user id ({@code User.activeLabs}): for the user themselves, managers (their organization's
     * labs) and root; null for anyone else.
     */
    @DgsDataLoader(name = ACTIVE_LABS_BY_OWNER)
    public static class ActiveLabsByOwner extends CallerBatchLoader<String, List<LabInstanceDocument>> {
        private final LabStore store;

        public ActiveLabsByOwner(LabStore store) {
            this.store = store;
        }

        @Override
        protected Map<String, List<LabInstanceDocument>> loadFor(Caller caller, Set<String> userIds) {
            if (!LabAccess.canReadLabs(caller)) {
                return Map.of();
            }
            Set<String> visibleUsers = caller.hasRole(Role.MANAGER) ? userIds
                    : userIds.stream().filter(id -> id.equals(caller.subject())).collect(Collectors.toSet());
            Map<String, List<LabInstanceDocument>> result = new HashMap<>();
            visibleUsers.forEach(id -> result.put(id, new java.util.ArrayList<>()));
            if (!visibleUsers.isEmpty()) {
                store.findActiveByOwners(caller, visibleUsers).forEach(lab -> result.get(lab.ownerId()).add(lab));
            }
            return result;
        }
    }
}
