package com.cycube.labs.instances;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What labs tells the other subgraphs (docs/events.md). Both events are stored by the compare-and-set write that
 * makes the change (or the insert of a new lab), so each transition is announced exactly once — a lost
 * compare-and-set stores neither the change nor its event.
 */
public final class LabEvents {

    public static final String LAB_STATE_CHANGED = "labs.LabStateChanged";
    public static final String LAB_OBJECTIVES_MET = "labs.LabObjectivesMet";

    private LabEvents() {
    }

    /** {@code from} is null for the launch (the lab is created REQUESTED). */
    public static DomainEvent stateChanged(LabInstanceDocument lab, LabState from, LabState to, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("labId", lab.id());
        payload.put("userId", lab.ownerId());
        payload.put("cubeId", lab.cubeId());
        payload.put("templateId", lab.templateId());
        payload.put("state", to.name());
        payload.put("previousState", from == null ? null : from.name());
        return DomainEvent.of(LAB_STATE_CHANGED, lab.organizationId(), at, payload);
    }

    public static DomainEvent objectivesMet(LabInstanceDocument lab, Instant at) {
        return DomainEvent.of(LAB_OBJECTIVES_MET, lab.organizationId(), at,
                Map.of("labId", lab.id(), "userId", lab.ownerId(), "cubeId", lab.cubeId()));
    }

    /** Inserts {@code lab} (stored exactly as {@code MongoTemplate.insert} would) with its events in {@code _outbox}. */
    static void insertWithEvents(MongoTemplate mongo, LabInstanceDocument lab, DomainEvent... events) {
        Document document = new Document();
        mongo.getConverter().write(lab, document);
        document.put(Outbox.FIELD, Outbox.field(events));
        mongo.insert(document, LabStore.COLLECTION);
    }
}
