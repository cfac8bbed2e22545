package com.cycube.assessment.answers;

import com.cycube.assessment.AssessmentProperties;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Limits how fast one user submits answers, across all instances: fixed time windows counted per user in
 * {@link RateLimitStore}. Every call counts, refused ones included, so hammering does not help.
 */
@Component
public class RateLimiter {

    private final RateLimitStore counters;
    private final Clock clock;
    private final AssessmentProperties.RateLimit limits;

    public RateLimiter(RateLimitStore counters, Clock clock, AssessmentProperties properties) {
        this.counters = counters;
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
        return counters.increment(userId + ":" + what + ":" + windowStart, windowEnd.plusSeconds(60));
    }

    private static void check(long count, int limit, Instant now, Instant windowEnd) {
        if (count > limit) {
            long seconds = Math.max(1, (windowEnd.toEpochMilli() - now.toEpochMilli() + 999) / 1_000);
            throw DomainException.rateLimited("Too many answers: try again in " + seconds + " seconds");
        }
    }
}
