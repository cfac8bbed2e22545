package com.cycube.assessment.certificates;

import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code identity.OrganizationChanged} snapshot with the highest {@code versionOrZero()} per organization
 * (the issuer names of certificates of organizations' own courses). A lower or equal version arriving late matches
 * nothing (and its upsert hits the existing id), so the order of delivery does not matter; wall clocks never decide.
 * Trusted system code without a caller: MongoTemplate, pinned to the event's organization ({@code _id} and
 * {@code organizationId} both equal {@code event.orgId()}).
 */
@Component
public class OrganizationChangedHandler implements EventHandler {

    private final MongoTemplate mongo;

    public OrganizationChangedHandler(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String group() {
        return "assessment.organizations";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(OrganizationChanged.class);
    }

    @Override
    public void handle(DomainEvent event) {
        OrganizationChanged organization = event.payloadAs(OrganizationChanged.class);
        String organizationId = event.requireOrgId();
        if (!organizationId.equals(organization.organizationId())) {
            throw new IllegalArgumentException("OrganizationChanged of " + organization.organizationId()
                    + " announced for organization " + organizationId);
        }
        // stored version lower, or none; top-level equalities, so that a first snapshot's upsert stores both ids
        Query olderOrMissing = Query.query(Criteria.where("_id").is(organizationId).and("organizationId").is(organizationId)
                .and("version").not().gte(organization.versionOrZero()));
        Update update = new Update().set("name", organization.name()).set("active", organization.active())
                .set("version", organization.versionOrZero());
        Idempotent.applyOnce(mongo, OrganizationDocument.COLLECTION, olderOrMissing, update, event.eventId(), true);
    }
}
