package com.cycube.audit;

import com.cycube.audit.alerts.SecurityAlertDocument;
import com.cycube.audit.checkpoints.CheckpointDocument;
import com.cycube.audit.trail.AuditEventDocument;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Creates audit's MongoDB indexes at startup (idempotent). {@code chain_seq} (unique) gives each position of a chain
 * to exactly one record; the {@code organizationId, …, time} ones serve each filter of {@code auditEvents} newest
 * first; the {@code actor}/{@code clientIp} ones the security-alert counts. Made when the bean is created — before
 * the event consumers start — since appending relies on the unique ones.
 */
@Component
public class AuditIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    public AuditIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        IndexOperations records = mongo.indexOps(AuditEventDocument.COLLECTION);
        records.createIndex(new Index().on("chain", Sort.Direction.ASC).on("seq", Sort.Direction.ASC).unique()
                .named("chain_seq"));
        records.createIndex(new Index().on("chain", Sort.Direction.ASC).on("recordedAt", Sort.Direction.ASC)
                .named("chain_recorded"));
        records.createIndex(new Index().on("time", Sort.Direction.DESC).named("newest"));
        records.createIndex(byOrganization("organization_newest"));
        for (String filter : new String[] {"actor", "action", "outcome", "resourceType"}) {
            records.createIndex(byOrganization("organization_" + filter + "_newest", filter));
        }
        records.createIndex(byOrganization("organization_resource_newest", "resourceType", "resourceId"));
        records.createIndex(new Index().on("actor", Sort.Direction.ASC).on("time", Sort.Direction.ASC)
                .named("actor_time"));
        records.createIndex(new Index().on("clientIp", Sort.Direction.ASC).on("time", Sort.Direction.ASC)
                .named("address_time"));
        mongo.indexOps(CheckpointDocument.COLLECTION).createIndex(new Index().on("chain", Sort.Direction.ASC)
                .on("seq", Sort.Direction.DESC).named("chain_newest"));
        mongo.indexOps(SecurityAlertDocument.COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("raisedAt", Sort.Direction.DESC).named("organization_newest"));
    }

    private static Index byOrganization(String name, String... fields) {
        Index index = new Index().on("organizationId", Sort.Direction.ASC);
        for (String field : fields) {
            index.on(field, Sort.Direction.ASC);
        }
        return index.on("time", Sort.Direction.DESC).named(name);
    }
}
