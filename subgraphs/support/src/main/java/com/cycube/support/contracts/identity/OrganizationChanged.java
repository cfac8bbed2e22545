package com.cycube.support.contracts.identity;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * A snapshot of an organization after a change (creation, seat limit, lab quota, (de)activation). Consumers keep
 * the snapshot with the highest {@code version} (1 at creation, +1 per change, written by the same write).
 */
@EventType("identity.OrganizationChanged")
public record OrganizationChanged(String organizationId, String name, int seatLimit, int labQuota, boolean active,
                                  Long version) implements EventPayload {

    public OrganizationChanged {
        Objects.requireNonNull(organizationId, "organizationId");
    }

    /** The version to order by: a snapshot from before versions existed counts as 0, so any versioned one wins. */
    public long versionOrZero() {
        return version == null ? 0 : version;
    }
}
