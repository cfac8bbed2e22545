package com.cycube.audit.search;

import com.cycube.audit.access.AuditReaders;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.support.pagination.PageRequest;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads of stored audit records by filter, newest first. Each filter is served by an index with the
 * {@code (organizationId, …, time)} prefix ({@code AuditIndexes}); root's queries over every organization by
 * {@code (time)}.
 */
@Component
public class AuditSearchStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("time"), Sort.Order.desc("_id"));
    private static final int BATCH = 1000;

    private final MongoTemplate mongo;

    public AuditSearchStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<AuditEventDocument> page(AuditReaders.Scope scope, AuditEventFilter filter, PageRequest page) {
        return mongo.find(query(scope, filter).with(NEWEST_FIRST).skip(page.offset()).limit(page.first() + 1),
                AuditEventDocument.class, AuditEventDocument.COLLECTION);
    }

    public long count(AuditReaders.Scope scope, AuditEventFilter filter) {
        return mongo.count(query(scope, filter), AuditEventDocument.class, AuditEventDocument.COLLECTION);
    }

    /** Every matching record, newest first, read with a cursor in batches (at most {@code limit}); close the stream. */
    public Stream<AuditEventDocument> stream(AuditReaders.Scope scope, AuditEventFilter filter, int limit) {
        return mongo.stream(query(scope, filter).with(NEWEST_FIRST).limit(limit).cursorBatchSize(BATCH),
                AuditEventDocument.class, AuditEventDocument.COLLECTION);
    }

    private static Query query(AuditReaders.Scope scope, AuditEventFilter filter) {
        Criteria criteria = new Criteria();
        if (!scope.all()) {
            criteria.and("organizationId").is(scope.organizationId());
        }
        equal(criteria, "actor", filter.actor());
        equal(criteria, "action", filter.action());
        equal(criteria, "resourceType", filter.resourceType());
        equal(criteria, "resourceId", filter.resourceId());
        equal(criteria, "outcome", filter.outcome() == null ? null : filter.outcome().name());
        if (filter.from() != null && filter.to() != null) {
            criteria.and("time").gte(filter.from()).lt(filter.to());
        } else if (filter.from() != null) {
            criteria.and("time").gte(filter.from());
        } else if (filter.to() != null) {
            criteria.and("time").lt(filter.to());
        }
        return Query.query(criteria);
    }

    private static void equal(Criteria criteria, String field, String value) {
        if (value != null) {
            criteria.and(field).is(value);
        }
    }
}
