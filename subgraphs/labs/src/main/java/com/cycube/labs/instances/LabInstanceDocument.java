package com.cycube.labs.instances;

import com.cycube.labs.templates.LabObjective;
import com.cycube.support.live.LiveDocument;
import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A lab as stored: one document holds everything about it, so each step of its life cycle is one
 * compare-and-set write on {@code state} + {@code revision} (no multi-document transactions needed). Every change a
 * subscriber can see raises {@code revision}, which is what {@code labUpdated} pushes by ({@link LiveDocument}).
 *
 * @param activeKey          {@code organization|owner|cube} while active, absent otherwise (unique sparse index)
 * @param generation         1 at launch, +1 per reset; the VM launch token is {@code <id>-g<generation>}
 * @param vmInstanceId       the current VM (null before launch and right after a reset)
 * @param vmsToRelease       VMs still to terminate (after terminate/expiry/failure/reset); emptied by the driver
 * @param connectionsToClose remote-access connections still to remove
 * @param objectives         what the trainee must achieve (the template's objectives at launch)
 * @param objectivesMet      ids of the objectives reported met
 * @param objectivesMetAt    when the last objective was met ({@code labs.LabObjectivesMet} was emitted); null before
 */
@Document("lab_instances")
public record LabInstanceDocument(
        @Id String id,
        String organizationId,
        String ownerId,
        String cubeId,
        String templateId,
        LabState state,
        long revision,
        int generation,
        String activeKey,
        String vmInstanceId,
        String address,
        String connectionId,
        String connectionUrl,
        Instant requestedAt,
        Instant expiresAt,
        Instant expiryWarningSentAt,
        String failureReason,
        List<LabTransition> history,
        List<String> vmsToRelease,
        List<String> connectionsToClose,
        Instant updatedAt,
        List<LabObjective> objectives,
        List<String> objectivesMet,
        Instant objectivesMetAt) implements TenantOwned, LiveDocument {

    public LabInstanceDocument {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        objectivesMet = objectivesMet == null ? List.of() : List.copyOf(objectivesMet);
    }

    /** A lab without objectives. */
    public LabInstanceDocument(String id, String organizationId, String ownerId, String cubeId, String templateId,
                               LabState state, long revision, int generation, String activeKey, String vmInstanceId,
                               String address, String connectionId, String connectionUrl, Instant requestedAt,
                               Instant expiresAt, Instant expiryWarningSentAt, String failureReason,
                               List<LabTransition> history, List<String> vmsToRelease, List<String> connectionsToClose,
                               Instant updatedAt) {
        this(id, organizationId, ownerId, cubeId, templateId, state, revision, generation, activeKey, vmInstanceId, address,
                connectionId, connectionUrl, requestedAt, expiresAt, expiryWarningSentAt, failureReason, history,
                vmsToRelease, connectionsToClose, updatedAt, List.of(), List.of(), null);
    }

    public boolean active() {
        return state.isActive();
    }

    public String launchToken() {
        return id + "-g" + generation;
    }

    public static String activeKey(String organizationId, String ownerId, String cubeId) {
        return organizationId + "|" + ownerId + "|" + cubeId;
    }

    public boolean needsRelease() {
        return (vmsToRelease != null && !vmsToRelease.isEmpty()) || (connectionsToClose != null && !connectionsToClose.isEmpty());
    }
}
