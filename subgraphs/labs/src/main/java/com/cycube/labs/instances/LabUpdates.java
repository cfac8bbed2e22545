package com.cycube.labs.instances;

import com.cycube.labs.LabsProperties;
import com.cycube.support.changes.ChangeStreamFollower;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Live lab changes for {@code labUpdated}, from the MongoDB change stream of {@code lab_instances}: whatever
 * instance wrote a change, every instance sees it, and only stored changes are ever announced (the stream
 * reports committed writes).
 *
 * <p>One listener thread per instance follows the stream and re-reads changed labs that somebody here is
 * watching (one query for all of them), then publishes each re-read lab whose {@code revision} is newer than
 * what was last published. Re-reading (instead of trusting the event) makes it idempotent and copes with the
 * embedded store, whose update events carry no {@code _id} in {@code documentKey}: then every watched lab is
 * re-read. Its empty reads return immediately, so the listener waits out the poll interval between them.
 * Changes that follow each other within one poll interval may arrive as one update carrying the latest state
 * (the history lists every step).
 *
 * <p>Not every write is news: the outbox relay pulls relayed events out of {@code _outbox} and the driver pulls
 * released VMs out of {@code vmsToRelease}, both without touching {@code revision}. Those change events re-read
 * the lab and find its revision already published, so subscribers never get a duplicate push of an unchanged
 * lab (every change a subscriber can see moves the revision: state transitions, extensions, warnings, objectives).
 *
 * <p>It reads with {@link MongoTemplate} directly: access was checked when the subscription started, and each
 * subscriber only ever receives the one lab it subscribed to.
 */
@Component
public class LabUpdates implements ApplicationRunner {

    static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final LabStore store;
    private final boolean enabled;
    private final Sinks.Many<LabInstanceDocument> sink = Sinks.many().multicast().directBestEffort();
    private final Map<String, AtomicInteger> watchers = new ConcurrentHashMap<>();
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private ChangeStreamFollower follower;

    public LabUpdates(MongoTemplate mongo, LabStore store, LabsProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.enabled = properties.changeStreamEnabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            follower = ChangeStreamFollower.start(mongo, LabStore.COLLECTION, POLL_INTERVAL, RETRY_PAUSE,
                    new ChangeStreamFollower.Handler() {
                        @Override
                        public void changed(Optional<String> labId) {
                            refresh(labId.map(Set::of).orElse(null));
                        }

                        @Override
                        public void resumed() {
                            refresh(null);
                        }
                    });
        }
    }

    /**
     * The lab now, then every newer stored version of it. Subscribes to the live feed before reading the
     * current state, so no change can fall between the two.
     */
    public Flux<LabInstanceDocument> follow(String labId) {
        return Flux.defer(() -> {
            watchers.computeIfAbsent(labId, id -> new AtomicInteger()).incrementAndGet();
            AtomicLong lastRevision = new AtomicLong(-1);
            Flux<LabInstanceDocument> live = sink.asFlux().filter(lab -> lab.id().equals(labId));
            Mono<LabInstanceDocument> now = Mono.fromCallable(() -> store.reread(labId).orElse(null));
            return Flux.merge(live, now)
                    .filter(lab -> lab.revision() > lastRevision.get())
                    .doOnNext(lab -> lastRevision.set(lab.revision()))
                    .takeUntil(lab -> lab.state().isFinal())
                    .doFinally(signal -> unwatch(labId));
        });
    }

    /** Re-reads the watched labs among {@code ids} (all watched labs when null) and publishes newer revisions. */
    public void refresh(Set<String> ids) {
        Set<String> watched = ids == null ? Set.copyOf(watchers.keySet())
                : ids.stream().filter(watchers::containsKey).collect(java.util.stream.Collectors.toSet());
        if (watched.isEmpty()) {
            return;
        }
        List<LabInstanceDocument> labs = store.rereadAll(watched);
        for (LabInstanceDocument lab : labs) {
            Long before = published.get(lab.id());
            if (before == null || lab.revision() > before) {
                published.put(lab.id(), lab.revision());
                sink.emitNext(lab, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(50)));
            }
        }
    }

    private void unwatch(String labId) {
        watchers.computeIfPresent(labId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        if (!watchers.containsKey(labId)) {
            published.remove(labId);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
    }
}
