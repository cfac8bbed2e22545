package com.cycube.identity.organizations;

import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.events.DomainEvent;
import java.time.Instant;

/**
 * {@link OrganizationChanged} (docs/events.md): a snapshot of the organization as the write that carries it leaves
 * it; consumers (labs: quota, training: seats) keep the one with the highest {@code version}. The version is the
 * organization's {@code snapshotVersion}, set by {@link OrganizationStore} in the same compare-and-set write that
 * records the event, so versions of one organization are strictly increasing whatever the instances' clocks say —
 * {@code occurredAt} is wall-clock time and may go backwards between instances.
 */
public final class OrganizationEvents {

    private OrganizationEvents() {
    }

    public static DomainEvent changed(OrganizationDocument organization, Instant at) {
        return DomainEvent.of(organization.id(), at, new OrganizationChanged(organization.id(), organization.name(),
                organization.seatLimit(), organization.labQuota(), organization.active(), organization.snapshotVersion()));
    }
}
