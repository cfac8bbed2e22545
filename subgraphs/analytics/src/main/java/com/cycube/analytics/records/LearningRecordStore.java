package com.cycube.analytics.records;

import com.cycube.support.pagination.PageRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** All MongoDB access to learning records: stored once per event, listed newest first, marked when forwarded. */
@Component
public class LearningRecordStore {

    private final MongoTemplate mongo;

    public LearningRecordStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores {@code record} unless a record with its id exists (a redelivered event). */
    public boolean store(LearningRecord record) {
        try {
            mongo.insert(record, LearningRecord.COLLECTION);
            return true;
        } catch (DuplicateKeyException storedBefore) {
            return false;
        }
    }

    /** One page of the records matching {@code criteria}, newest first. */
    public List<LearningRecord> page(Criteria criteria, PageRequest page) {
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "timestamp").and(Sort.by("_id")))
                .skip(page.offset()).limit(page.first() + 1), LearningRecord.class, LearningRecord.COLLECTION);
    }

    public long count(Criteria criteria) {
        return mongo.count(Query.query(criteria), LearningRecord.class, LearningRecord.COLLECTION);
    }

    /**
     * Records the Learning Record Store has neither accepted nor refused for good, oldest first. Forwarding state lives
     * next to the record: {@code forwardedAt} (accepted), {@code rejectedAt}/{@code rejectedBecause} (refused as
     * invalid: never sent again).
     */
    public List<LearningRecord> toForward(int limit) {
        return mongo.find(Query.query(Criteria.where("forwardedAt").is(null).and("rejectedAt").is(null))
                        .with(Sort.by("storedAt", "_id")).limit(limit), LearningRecord.class, LearningRecord.COLLECTION);
    }

    public long countToForward() {
        return mongo.count(Query.query(Criteria.where("forwardedAt").is(null).and("rejectedAt").is(null)),
                LearningRecord.COLLECTION);
    }

    public void markForwarded(List<String> ids, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("forwardedAt", at),
                LearningRecord.COLLECTION);
    }

    public void markRejected(String id, Instant at, String because) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("rejectedAt", at).set("rejectedBecause", because), LearningRecord.COLLECTION);
    }
}
