package com.cycube.support.contracts.labs;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * A running lab will expire soon (within labs' {@code expiry-warning}): its owner can still extend it. Produced once per
 * warning, by the write that raises it; an extension clears the warning, so an extended lab can warn again later.
 */
@EventType("labs.LabExpiring")
public record LabExpiring(String labId, String userId, String cubeId, Instant expiresAt) implements EventPayload {
    public LabExpiring {
        Objects.requireNonNull(labId, "labId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
