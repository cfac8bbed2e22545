package com.cycube.assessment.answers;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The rate-limit counters ({@code rate_limits}): one document per user, kind and window, incremented atomically
 * ({@code $inc} upsert) so the limits hold across instances, expired by a TTL index. Per user, not tenant data, and
 * carrying no answers — hence MongoTemplate directly.
 */
@Component
public class RateLimitStore {

    public static final String COLLECTION = "rate_limits";

    private final MongoTemplate mongo;

    public RateLimitStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds one to the counter {@code counterId} and returns its new value. */
    public long increment(String counterId, Instant expiresAt) {
        Query counter = Query.query(Criteria.where("_id").is(counterId));
        Update increment = new Update().inc("count", 1).setOnInsert("expiresAt", Date.from(expiresAt));
        Document updated = mongo.findAndModify(counter, increment,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return updated == null ? 1 : ((Number) updated.get("count")).longValue();
    }
}
