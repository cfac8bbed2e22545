package com.cycube.support.contracts.labs;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * A lab moved from {@code previousState} (null at launch) to {@code state} (REQUESTED, PROVISIONING, RUNNING,
 * STOPPING, TERMINATED, FAILED, EXPIRED); one event per transition.
 */
@EventType("labs.LabStateChanged")
public record LabStateChanged(String labId, String userId, String cubeId, String templateId, String state,
                              String previousState) implements EventPayload {

    public LabStateChanged {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cubeId, "cubeId");
        Objects.requireNonNull(state, "state");
    }
}
