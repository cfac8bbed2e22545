package com.cycube.labs.quotas;

import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Identity owns {@code Organization.labQuota}; labs keeps the newest announced value per organization
 * ({@link OrganizationChanged}, a snapshot). Order-insensitive by the ordering rule of the event contracts: the
 * snapshot with the highest {@code version} (identity's per-organization counter, +1 with every change) wins; a
 * lower or equal one changes nothing, and a stored snapshot without a version counts as version 0. Wall clocks
 * ({@code occurredAt}) never decide. Idempotent: {@link Idempotent#applyOnce}.
 *
 * <p>A handler is trusted system code with no caller, so it writes with {@link MongoTemplate} directly — always
 * pinned to the event's organization ({@code _id} and {@code organizationId} both equal {@code event.orgId()}).
 */
@Component
public class OrganizationQuotaHandler implements EventHandler {

    private final MongoTemplate mongo;
    private final Clock clock;

    public OrganizationQuotaHandler(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public String group() {
        return "labs.organization-quotas";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(OrganizationChanged.class);
    }

    @Override
    public void handle(DomainEvent event) {
        OrganizationChanged organization = event.payloadAs(OrganizationChanged.class);
        String organizationId = event.requireOrgId();
        // top-level equalities, so that the upsert of a first snapshot stores _id and organizationId
        Query olderStored = Query.query(Criteria.where("_id").is(organizationId).and("organizationId").is(organizationId)
                .and("version").not().gte(organization.versionOrZero())); // stored version lower, or none
        Update update = new Update()
                .set("maxConcurrentLabs", organization.labQuota())
                .set("active", organization.active())
                .set("version", organization.versionOrZero())
                .set("updatedAt", Date.from(clock.instant()));
        Idempotent.applyOnce(mongo, LabQuotaDocument.COLLECTION, olderStored, update, event.eventId(), true);
    }
}
