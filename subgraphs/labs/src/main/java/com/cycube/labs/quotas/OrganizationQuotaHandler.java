package com.cycube.labs.quotas;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.Idempotent;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Identity owns {@code Organization.labQuota}; labs keeps the newest announced value per organization
 * ({@code identity.OrganizationChanged}, a snapshot). Order-insensitive: the snapshot with the highest
 * {@code version} (identity's per-organization counter, +1 with every change) wins; a lower or equal one changes
 * nothing. Wall-clock {@code occurredAt} decides only between events without a version (from before versions
 * existed), and a versioned snapshot always beats an unversioned one. Idempotent: {@link Idempotent#applyOnce}.
 *
 * <p>A handler is trusted system code with no caller, so it writes with {@link MongoTemplate} directly — always
 * pinned to the event's organization ({@code _id} and {@code organizationId} both equal {@code event.orgId()}).
 */
@Component
public class OrganizationQuotaHandler implements EventHandler {

    public static final String ORGANIZATION_CHANGED = "identity.OrganizationChanged";
    private static final Logger log = LoggerFactory.getLogger(OrganizationQuotaHandler.class);

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
        return Set.of(ORGANIZATION_CHANGED);
    }

    @Override
    public void handle(DomainEvent event) {
        String organizationId = event.orgId();
        Object quota = event.payload().get("labQuota");
        if (organizationId == null || !(quota instanceof Number labQuota)) {
            log.warn("Ignoring {} {} without organization or labQuota", event.type(), event.eventId());
            return;
        }
        Date occurredAt = Date.from(event.occurredAt());
        Long version = event.payload().get("version") instanceof Number number ? number.longValue() : null;
        // top-level equalities, so that the upsert of a first snapshot stores _id and organizationId
        Criteria target = Criteria.where("_id").is(organizationId).and("organizationId").is(organizationId);
        Query newest = Query.query(version != null
                ? target.and("version").not().gte(version) // stored version lower, or none (unversioned or missing)
                : target.and("version").is(null).and("occurredAt").not().gt(occurredAt));
        Update update = new Update()
                .set("maxConcurrentLabs", labQuota.intValue())
                .set("active", !Boolean.FALSE.equals(event.payload().get("active")))
                .set("occurredAt", occurredAt)
                .set("updatedAt", Date.from(clock.instant()));
        if (version != null) {
            update.set("version", version);
        }
        Idempotent.applyOnce(mongo, LabQuotaDocument.COLLECTION, newest, update, event.eventId(), true);
    }
}
