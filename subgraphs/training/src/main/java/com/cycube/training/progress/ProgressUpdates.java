package com.cycube.training.progress;

import com.cycube.support.changes.ChangeStreamFollower;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentStore;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Live enrollment changes for {@code progressUpdated}, from the change stream of {@code enrollments}: whichever
 * instance wrote a change (a request, an event handler), every instance sees it, and only stored changes are
 * announced.
 *
 * <p>One follower thread re-reads changed enrollments of the organizations somebody here watches and publishes
 * them; each subscriber keeps the revision it last saw per enrollment and passes on only higher revisions. So
 * writes that change nothing visible — the outbox relay removing delivered events ({@code $pull} of
 * {@code _outbox}), a repeated fact — are never pushed: they do not raise the revision. The embedded store's update
 * events carry no document id; then the enrollments of the watched organizations changed since the last re-read
 * (minus {@link #LATE_COMMIT_MARGIN}, for writes that commit later than their {@code changedAt}) are re-read.
 *
 * <p>Reads with the store's system methods: access was checked when the subscription started, and each
 * subscriber only receives enrollments matching its {@link Scope}, which always pins one organization.
 */
@Component
public class ProgressUpdates implements ApplicationRunner {

    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    /**
     * How far before the watermark a re-read without a document id starts. {@code changedAt} is taken from the clock
     * when a write is prepared, not when it commits: a write stamped earlier than one already seen (another instance,
     * a slower handler, a compare-and-set retry) can commit after the watermark moved past its stamp. Re-reading this
     * much of the recent past catches it; what was already pushed is dropped by each subscriber's revision filter.
     */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofSeconds(5);

    /**
     * What one subscriber follows inside one organization: one enrollment, one user's, some users' (a team), or
     * all (null filters).
     */
    public record Scope(String organizationId, String enrollmentId, String userId, Set<String> userIds) {

        public boolean matches(EnrollmentDocument enrollment) {
            if (!organizationId.equals(enrollment.organizationId())) {
                return false;
            }
            if (enrollmentId != null) {
                return enrollmentId.equals(enrollment.id());
            }
            if (userId != null) {
                return userId.equals(enrollment.userId());
            }
            return userIds == null || userIds.contains(enrollment.userId());
        }

        Criteria criteria() {
            if (enrollmentId != null) {
                return Criteria.where("_id").is(enrollmentId);
            }
            if (userId != null) {
                return Criteria.where("userId").is(userId);
            }
            return userIds == null ? null : Criteria.where("userId").in(userIds);
        }
    }

    private final EnrollmentStore store;
    private final org.springframework.data.mongodb.core.MongoTemplate mongo;
    private final Clock clock;
    private final boolean enabled;
    private final Sinks.Many<EnrollmentDocument> sink = Sinks.many().multicast().directBestEffort();
    private final Map<String, AtomicInteger> watchedOrganizations = new ConcurrentHashMap<>();
    private long started;
    private volatile Instant watermark;
    private ChangeStreamFollower follower;

    public ProgressUpdates(EnrollmentStore store, org.springframework.data.mongodb.core.MongoTemplate mongo, Clock clock,
                           @Value("${cycube.training.change-stream-enabled:true}") boolean enabled) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            follower = ChangeStreamFollower.start(mongo, EnrollmentDocument.COLLECTION, POLL_INTERVAL, RETRY_PAUSE,
                    new ChangeStreamFollower.Handler() {
                        @Override
                        public void changed(Optional<String> enrollmentId) {
                            refresh(enrollmentId);
                        }

                        @Override
                        public void resumed() {
                            refresh(Optional.empty());
                        }
                    });
        }
    }

    /** Every later visible change of the enrollments in {@code scope} (nothing for the state they are in now). */
    public Flux<EnrollmentDocument> follow(Scope scope) {
        return Flux.defer(() -> {
            watchedOrganizations.computeIfAbsent(scope.organizationId(), id -> new AtomicInteger()).incrementAndGet();
            if (watermark == null) {
                watermark = clock.instant();
            }
            Map<String, Long> seen = new ConcurrentHashMap<>();
            Flux<EnrollmentDocument> live = sink.asFlux().filter(scope::matches);
            Mono<EnrollmentDocument> baseline = Mono.fromRunnable(() -> {
                store.revisions(scope.organizationId(), scope.criteria()).forEach(doc ->
                        seen.merge(doc.getString("_id"), ((Number) doc.get("revision")).longValue(), Math::max));
                signalStarted();
            });
            return Flux.merge(live, baseline)
                    .filter(enrollment -> {
                        Long before = seen.get(enrollment.id());
                        if (before != null && enrollment.revision() <= before) {
                            return false;
                        }
                        seen.put(enrollment.id(), enrollment.revision());
                        return true;
                    })
                    .doFinally(signal -> {
                        watchedOrganizations.computeIfPresent(scope.organizationId(),
                                (id, count) -> count.decrementAndGet() <= 0 ? null : count);
                    });
        });
    }

    /** Re-reads {@code enrollmentId} (or everything of the watched organizations changed lately) and publishes it. */
    public void refresh(Optional<String> enrollmentId) {
        if (watchedOrganizations.isEmpty()) {
            return;
        }
        List<EnrollmentDocument> changed;
        if (enrollmentId.isPresent()) {
            changed = store.reread(enrollmentId.get()).stream().toList();
        } else {
            Instant seen = watermark == null ? clock.instant() : watermark;
            changed = store.changedSince(Set.copyOf(watchedOrganizations.keySet()), seen.minus(LATE_COMMIT_MARGIN));
            changed.stream().map(EnrollmentDocument::changedAt).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).filter(latest -> latest.isAfter(seen)).ifPresent(latest -> watermark = latest);
        }
        for (EnrollmentDocument enrollment : changed) {
            if (watchedOrganizations.containsKey(enrollment.organizationId())) {
                sink.emitNext(enrollment, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
            }
        }
    }

    /** How many subscriptions have started (their baseline is read, so every later change reaches them). */
    public synchronized long started() {
        return started;
    }

    /** Waits until {@code count} subscriptions have started in total (tests wait for this instead of sleeping). */
    public synchronized boolean awaitStarted(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (started < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void signalStarted() {
        started++;
        notifyAll();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
    }
}
