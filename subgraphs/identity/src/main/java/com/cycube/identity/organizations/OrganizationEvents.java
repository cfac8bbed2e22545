package com.cycube.identity.organizations;

import com.cycube.support.events.DomainEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * {@code identity.OrganizationChanged} (docs/events.md): a snapshot of the organization as the write that carries
 * it leaves it; consumers (labs: quota, training: seats) keep the one with the highest {@code version}. The version
 * is the organization's {@code snapshotVersion}, set in the same compare-and-set write that records the event
 * ({@link #unchanged} includes it), so versions of one organization are strictly increasing whatever the
 * instances' clocks say — {@code occurredAt} is wall-clock time and may go backwards between instances. Writes
 * are compare-and-set on the snapshot's fields too, so a snapshot never carries a value that a concurrent write
 * already replaced.
 */
public final class OrganizationEvents {

    public static final String ORGANIZATION_CHANGED = "identity.OrganizationChanged";

    private OrganizationEvents() {
    }

    public static DomainEvent changed(OrganizationDocument organization, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organizationId", organization.id());
        payload.put("name", organization.name());
        payload.put("seatLimit", organization.seatLimit());
        payload.put("labQuota", organization.labQuota());
        payload.put("active", organization.active());
        payload.put("version", organization.snapshotVersion());
        return DomainEvent.of(ORGANIZATION_CHANGED, organization.id(), at, payload);
    }

    static Criteria unchanged(OrganizationDocument read) {
        return new Criteria().andOperator(
                Criteria.where("name").is(read.name()),
                Criteria.where("seatLimit").is(read.seatLimit()),
                Criteria.where("labQuota").is(read.labQuota()),
                Criteria.where("deactivatedAt").is(read.deactivatedAt()),
                Criteria.where("snapshotVersion").is(read.snapshotVersion()));
    }
}
