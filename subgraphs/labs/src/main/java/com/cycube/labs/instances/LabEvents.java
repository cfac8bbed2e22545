package com.cycube.labs.instances;

import com.cycube.support.contracts.labs.LabExpiring;
import com.cycube.support.contracts.labs.LabObjectivesMet;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.events.DomainEvent;
import java.time.Instant;

/**
 * What labs tells the other subgraphs (docs/events.md): a lab mapped to its contract records. {@link LabStore} stores
 * each event with the compare-and-set write that makes the change (or the insert of a new lab), so each transition
 * is announced exactly once — a lost compare-and-set stores neither the change nor its event.
 */
final class LabEvents {

    private LabEvents() {
    }

    /** {@code from} is null for the launch (the lab is created REQUESTED). */
    static DomainEvent stateChanged(LabInstanceDocument lab, LabState from, LabState to, Instant at) {
        return DomainEvent.of(lab.organizationId(), at, new LabStateChanged(lab.id(), lab.ownerId(), lab.cubeId(),
                lab.templateId(), to.name(), from == null ? null : from.name()));
    }

    static DomainEvent expiring(LabInstanceDocument lab, Instant at) {
        return DomainEvent.of(lab.organizationId(), at, new LabExpiring(lab.id(), lab.ownerId(), lab.cubeId(),
                lab.expiresAt()));
    }

    static DomainEvent objectivesMet(LabInstanceDocument lab, Instant at) {
        return DomainEvent.of(lab.organizationId(), at, new LabObjectivesMet(lab.id(), lab.ownerId(), lab.cubeId()));
    }
}
