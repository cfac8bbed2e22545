package com.cycube.support.contracts.labs;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/** Every objective of a lab's template was confirmed; produced once per lab. */
@EventType("labs.LabObjectivesMet")
public record LabObjectivesMet(String labId, String userId, String cubeId) implements EventPayload {

    public LabObjectivesMet {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(cubeId, "cubeId");
    }
}
