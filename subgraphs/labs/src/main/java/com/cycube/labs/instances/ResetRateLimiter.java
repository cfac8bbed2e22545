package com.cycube.labs.instances;

import com.cycube.labs.LabsProperties;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Limits resets, which each start a new VM: at most {@code cycube.labs.reset-limit.per-lab} resets of one lab and
 * {@code per-user} resets by one person (whoever asks: owner, manager or root) within any
 * {@code window} (a sliding window), counted in MongoDB ({@link ResetRateLimitStore}) so the limits hold across
 * instances. Only resets that happen count: a refused one records nothing, and a reset that is refused after its use
 * was recorded (the lab stopped running meanwhile) gives it back ({@link #giveBack}).
 */
@Component
public class ResetRateLimiter {

    /** The uses a reset recorded, to give back if it does not happen. */
    public record Permit(String token, List<String> keys) {
    }

    private final ResetRateLimitStore counters;
    private final Clock clock;
    private final LabsProperties.ResetLimit limits;

    public ResetRateLimiter(ResetRateLimitStore counters, Clock clock, LabsProperties properties) {
        this.counters = counters;
        this.clock = clock;
        this.limits = properties.resetLimit();
    }

    /** Counts one reset of {@code lab} by {@code caller}; RATE_LIMITED (nothing recorded) when over a limit. */
    public Permit acquire(Caller caller, LabInstanceDocument lab) {
        String token = UUID.randomUUID().toString();
        String labKey = "lab:" + lab.id();
        String userKey = "user:" + caller.subject();
        use(labKey, token, limits.perLab(), "This lab can be reset at most " + limits.perLab() + " times");
        try {
            use(userKey, token, limits.perUser(), "You can reset labs at most " + limits.perUser() + " times");
        } catch (DomainException refused) {
            counters.forget(labKey, token);
            throw refused;
        }
        return new Permit(token, List.of(labKey, userKey));
    }

    /** Gives back the uses of a reset that did not happen. */
    public void giveBack(Permit permit) {
        permit.keys().forEach(key -> counters.forget(key, permit.token()));
    }

    private void use(String key, String token, int limit, String what) {
        Instant now = clock.instant();
        Duration window = limits.window();
        if (!counters.tryRecord(key, token, now, now.minus(window), limit, now.plus(window))) {
            Instant retryAt = counters.oldestUse(key).map(oldest -> oldest.plus(window)).orElse(now.plus(window));
            throw DomainException.rateLimited(what + " per " + describe(window) + ": try again in "
                    + describe(Duration.between(now, retryAt)) + " (at " + retryAt.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
    }

    /** "42 minutes", "1 minute", "30 seconds" — rounded up. */
    static String describe(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
