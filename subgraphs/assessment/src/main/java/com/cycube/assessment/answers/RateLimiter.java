package com.cycube.assessment.answers;

import com.cycube.assessment.AssessmentProperties;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
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
 * Limits how fast one user submits answers, across all instances: one counter document per user, limit and fixed
 * time window in MongoDB, incremented atomically ({@code $inc} upsert); counters expire with a TTL index. Every
 * call counts, refused ones included, so hammering does not help. The counters are per user, not tenant data, and
 * carry no answers — hence MongoTemplate directly.
 */
@Component
public class RateLimiter {

    public static final String COLLECTION = "rate_limits";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AssessmentProperties.RateLimit limits;

    public RateLimiter(MongoTemplate mongo, Clock clock, AssessmentProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.limits = properties.rateLimit();
    }

    /** Counts one answer by {@code userId}; RATE_LIMITED when it is over a limit of the current window. */
    public void acquire(String userId, boolean flagQuestion) {
        if (!limits.enabled()) {
            return;
        }
        Instant now = clock.instant();
        long windowMillis = Math.max(1_000, limits.window().toMillis());
        long windowStart = now.toEpochMilli() / windowMillis * windowMillis;
        Instant windowEnd = Instant.ofEpochMilli(windowStart + windowMillis);
        check(count(userId, "answers", windowStart, windowEnd), limits.submissionsPerWindow(), now, windowEnd);
        if (flagQuestion) {
            check(count(userId, "flags", windowStart, windowEnd), limits.flagSubmissionsPerWindow(), now, windowEnd);
        }
    }

    private long count(String userId, String what, long windowStart, Instant windowEnd) {
        Query counter = Query.query(Criteria.where("_id").is(userId + ":" + what + ":" + windowStart));
        Update increment = new Update().inc("count", 1).setOnInsert("expiresAt", Date.from(windowEnd.plusSeconds(60)));
        Document updated = mongo.findAndModify(counter, increment,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return updated == null ? 1 : ((Number) updated.get("count")).longValue();
    }

    private static void check(long count, int limit, Instant now, Instant windowEnd) {
        if (count > limit) {
            long seconds = Math.max(1, (windowEnd.toEpochMilli() - now.toEpochMilli() + 999) / 1_000);
            throw DomainException.rateLimited("Too many answers: try again in " + seconds + " seconds");
        }
    }
}
