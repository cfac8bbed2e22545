package com.cycube.support.access;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.RefusalReason;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The rules every live stream (GraphQL subscription, over WebSocket or SSE) follows, applied by
 * {@link LiveAccessInstrumentation} to every subscription of every subgraph — a subscription's own code does nothing
 * for them:
 * <ul>
 *   <li>it ends with UNAUTHENTICATED when the token it was opened with expires, and within about a second
 *       ({@link AccessRevocations}) of its user being deactivated, demoted below the token's role or moved to another
 *       organization, or of the organization being deactivated;</li>
 *   <li>a connection holds at most {@code cycube.live.max-subscriptions-per-connection} streams and a user at most
 *       {@code cycube.live.max-subscriptions-per-user} on one instance; one more is refused with RATE_LIMITED. Through
 *       the router, a client's subscriptions with one token share one upstream connection, so the connection cap is
 *       also a cap per token.</li>
 * </ul>
 */
public class LiveAccess {

    private final AccessRevocations revocations;
    private final Clock clock;
    private final int maxPerConnection;
    private final int maxPerUser;
    private final Map<String, Integer> perConnection = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public LiveAccess(AccessRevocations revocations, Clock clock, int maxPerConnection, int maxPerUser) {
        if (maxPerConnection < 1 || maxPerUser < 1) {
            throw new IllegalArgumentException("cycube.live.max-subscriptions-per-* must be at least 1");
        }
        this.revocations = revocations;
        this.clock = clock;
        this.maxPerConnection = maxPerConnection;
        this.maxPerUser = maxPerUser;
    }

    /**
     * {@code stream} for {@code caller} on {@code connectionId} (null over SSE: one stream per request), ended with
     * UNAUTHENTICATED when the caller's access ends, or refused when a cap is reached.
     */
    public <T> Flux<T> guard(Caller caller, String connectionId, Publisher<T> stream) {
        return Flux.defer(() -> {
            String user = caller.isAuthenticated() ? caller.subject() : null;
            if (!reserve(perConnection, connectionId, maxPerConnection)) {
                return Flux.error(DomainException.rateLimited("At most " + maxPerConnection
                        + " subscriptions per connection: end one before starting another"));
            }
            if (!reserve(perUser, user, maxPerUser)) {
                release(perConnection, connectionId);
                return Flux.error(DomainException.rateLimited("At most " + maxPerUser
                        + " subscriptions per user at once: end one before starting another"));
            }
            AtomicBoolean released = new AtomicBoolean();
            open.incrementAndGet();
            AtomicReference<DomainException> reason = new AtomicReference<>();
            return Flux.from(stream)
                    .takeUntilOther(ended(caller).doOnNext(reason::set))
                    .concatWith(Mono.defer(() -> reason.get() == null ? Mono.empty() : Mono.error(reason.get())))
                    .doFinally(signal -> {
                        if (released.compareAndSet(false, true)) {
                            open.decrementAndGet();
                            release(perConnection, connectionId);
                            release(perUser, user);
                        }
                    });
        });
    }

    /** Emits why the caller's access ended, when it does: a revocation learnt (listened to before the first check), or expiry. */
    private Mono<DomainException> ended(Caller caller) {
        if (!caller.isAuthenticated()) {
            return Mono.never();
        }
        Set<String> keys = caller.organizationId()
                .map(org -> Set.of(AccessStatusHandler.userKey(caller.subject()), AccessStatusHandler.organizationKey(org)))
                .orElse(Set.of(AccessStatusHandler.userKey(caller.subject())));
        Flux<DomainException> revoked = revocations.changes().filter(keys::contains)
                .concatMap(key -> Mono.justOrEmpty(revocations.refusal(caller)));
        Mono<DomainException> alreadyRevoked = Mono.fromSupplier(() -> revocations.refusal(caller).orElse(null));
        Mono<DomainException> expired = caller.expiresAt() == null ? Mono.never()
                : Mono.delay(max(Duration.between(clock.instant(), caller.expiresAt()), Duration.ZERO))
                        .map(tick -> DomainException.unauthenticated("The access token expired: subscribe again with a fresh one",
                                RefusalReason.TOKEN_EXPIRED));
        return Flux.merge(revoked, alreadyRevoked, expired).next();
    }

    /** Streams open now on this instance ({@code cycube_live_subscriptions}). */
    public int open() {
        return open.get();
    }

    private static boolean reserve(Map<String, Integer> counts, String key, int max) {
        if (key == null) {
            return true;
        }
        boolean[] reserved = {false};
        counts.compute(key, (k, open) -> {
            int now = open == null ? 0 : open;
            if (now >= max) {
                return open;
            }
            reserved[0] = true;
            return now + 1;
        });
        return reserved[0];
    }

    private static void release(Map<String, Integer> counts, String key) {
        if (key != null) {
            counts.computeIfPresent(key, (k, open) -> open <= 1 ? null : open - 1);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
