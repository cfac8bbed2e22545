package com.cycube.labs.instances;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The reset counters ({@value #COLLECTION}): one document per counted thing ({@code lab:<id>}, {@code user:<subject>})
 * with the recent uses ({@code token}, {@code at}) — a sliding window. A use is recorded with one conditional
 * {@code $push} that matches only while fewer than the limit are recorded, so racing requests on any instance never
 * get past it; expired by a TTL index on {@code expiresAt}. Counters, not tenant data (the keys are opaque ids), hence
 * {@link MongoTemplate} directly.
 */
@Component
public class ResetRateLimitStore {

    public static final String COLLECTION = "lab_reset_limits";

    private final MongoTemplate mongo;

    public ResetRateLimitStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Records a use of {@code key} identified by {@code token} at {@code at}, unless {@code limit} uses since
     * {@code windowStart} are recorded already. Uses before {@code windowStart} are dropped first.
     *
     * @return whether the use was recorded
     */
    public boolean tryRecord(String key, String token, Instant at, Instant windowStart, int limit, Instant expiresAt) {
        if (limit <= 0) {
            return false;
        }
        Query counter = Query.query(Criteria.where("_id").is(key));
        Query notFull = Query.query(Criteria.where("_id").is(key).and("uses." + (limit - 1)).exists(false));
        for (int attempt = 1; attempt <= 2; attempt++) { // twice: the TTL monitor may remove the counter in between
            try {
                mongo.upsert(counter, new Update().setOnInsert("createdAt", Date.from(at)), COLLECTION);
            } catch (DuplicateKeyException created) {
                // a concurrent request created it
            }
            mongo.updateFirst(counter, new Update().pull("uses", new Document("at", new Document("$lt", Date.from(windowStart)))),
                    COLLECTION);
            if (mongo.updateFirst(notFull, new Update().push("uses", new Document("token", token).append("at", Date.from(at)))
                    .set("expiresAt", Date.from(expiresAt)), COLLECTION).getModifiedCount() == 1) {
                return true;
            }
            if (mongo.exists(counter, COLLECTION)) {
                return false; // limit uses recorded in the window
            }
        }
        return false;
    }

    /** Forgets the use {@code token} of {@code key} (a reset that did not happen after all). */
    public void forget(String key, String token) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().pull("uses", new Document("token", token)),
                COLLECTION);
    }

    /** When the uses of {@code key} still recorded were made, oldest first. */
    public List<Instant> uses(String key) {
        Document counter = mongo.findById(key, Document.class, COLLECTION);
        List<Document> uses = counter == null ? List.of() : counter.getList("uses", Document.class, List.of());
        return uses.stream().map(use -> use.getDate("at").toInstant()).sorted().toList();
    }

    /** The oldest recorded use of {@code key}. */
    public Optional<Instant> oldestUse(String key) {
        return uses(key).stream().findFirst();
    }
}
