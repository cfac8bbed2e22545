package com.cycube.support.live;

import com.cycube.support.changes.ChangeStreamFollower;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Live changes of one collection for GraphQL subscriptions — the one way a subgraph pushes stored changes. Made by
 * {@link LiveFeeds#open}; a subscription data fetcher returns {@link #followFromCurrent} or {@link #followChanges}.
 *
 * <p>How it works: one {@link ChangeStreamFollower} per feed sees every committed write to the collection, whichever
 * instance made it. While anybody here subscribes, each change re-reads the changed document (keyed by id: only a
 * watched one) and offers it to the subscribers of its {@linkplain Source#keyOf key}; when the change does not say which document
 * (the embedded store's updates), the {@link Source} re-reads what the watched keys may have changed. Each subscriber
 * passes on a document only when its {@code revision} is higher than the last it passed on for that id, so repeated
 * reads, writes that do not raise the revision, and the overlap between the current state and the first changes
 * never reach a client twice. Re-reading (instead of trusting the change event) makes the feed idempotent and
 * shows only what is stored.
 *
 * <p>Access is checked by the data fetcher before it follows: the feed reads as the system, and each subscriber
 * only receives documents its {@code matches} predicate accepts under the key it watches.
 */
public final class LiveFeed<T extends LiveDocument> {

    /** Where a feed's documents come from: how to re-read them, and which key a subscriber watches them under. */
    public interface Source<T> {

        /**
         * The key a subscriber watches this document under: its own id (one document per subscription), or
         * e.g. its organization (many documents per subscription).
         */
        String keyOf(T document);

        /** The document as stored now, if it still exists. */
        Optional<T> reread(String id);

        /**
         * What may have changed among the documents watched under {@code keys}, when a change does not say which
         * document changed (or the stream was reopened and changes may have been missed).
         */
        List<T> rereadWatched(Set<String> keys);

        /** Whether {@link #keyOf} is the document's id: then a change to an unwatched document is not even re-read. */
        default boolean keyedById() {
            return false;
        }

        /** Documents watched one by one, by their id (a subscription follows one document). */
        static <T extends LiveDocument> Source<T> byId(Function<String, Optional<T>> reread,
                                                      Function<Set<String>, List<T>> rereadAll) {
            return new Source<>() {
                @Override
                public String keyOf(T document) {
                    return document.id();
                }

                @Override
                public Optional<T> reread(String id) {
                    return reread.apply(id);
                }

                @Override
                public List<T> rereadWatched(Set<String> ids) {
                    return rereadAll.apply(ids);
                }

                @Override
                public boolean keyedById() {
                    return true;
                }
            };
        }

        /** Documents watched in groups under a key of theirs (a subscription follows e.g. an organization's). */
        static <T> Source<T> byKey(Function<T, String> keyOf, Function<String, Optional<T>> reread,
                                   Function<Set<String>, List<T>> rereadWatched) {
            return new Source<>() {
                @Override
                public String keyOf(T document) {
                    return keyOf.apply(document);
                }

                @Override
                public Optional<T> reread(String id) {
                    return reread.apply(id);
                }

                @Override
                public List<T> rereadWatched(Set<String> keys) {
                    return rereadWatched.apply(keys);
                }
            };
        }
    }

    /** How many live documents one subscriber may have waiting before it is ended as too slow. */
    static final int SUBSCRIBER_BUFFER = 1_000;
    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

    private final Source<T> source;
    private final Sinks.Many<T> sink = Sinks.many().multicast().directBestEffort();

    /** Subscribers per watched key; changed atomically per key, so a key is never dropped while watched. */
    private final Map<String, Integer> watchers = new ConcurrentHashMap<>();
    private long started;

    LiveFeed(Source<T> source) {
        this.source = source;
    }

    /**
     * The documents {@code current} returns now, then every newer stored revision of the documents under
     * {@code key} that {@code matches} accepts. Listens before reading the current state, so no change can fall
     * between the two.
     */
    public Flux<T> followFromCurrent(String key, Predicate<T> matches, Supplier<List<T>> current) {
        return follow(key, matches, seen -> Flux.defer(() -> Flux.fromIterable(current.get())));
    }

    /**
     * Every change after now of the documents under {@code key} that {@code matches} accepts, nothing for their
     * present state. {@code currentRevisions} gives the present revision per document id (a cheap projection), so
     * that a change already made before the subscription started is not pushed as news.
     */
    public Flux<T> followChanges(String key, Predicate<T> matches, Supplier<Map<String, Long>> currentRevisions) {
        return follow(key, matches, seen -> Mono.<T>fromRunnable(() ->
                currentRevisions.get().forEach((id, revision) -> seen.merge(id, revision, Math::max))).flux());
    }

    /**
     * Listens first, then reads the starting point ({@code start}: current documents to emit, or revisions to record
     * as seen). A live document that arrives while the starting point is being read waits for it, so the revision
     * filter always judges it against the complete starting point — a change already made before the subscription
     * (re-read by a refresh in between) is never pushed as news. Each subscriber buffers what it has not taken yet, so
     * the shared sink always has demand; a subscriber that falls more than {@value #SUBSCRIBER_BUFFER} documents
     * behind is ended with an error — it, never the feed.
     */
    private Flux<T> follow(String key, Predicate<T> matches, Function<Map<String, Long>, Flux<T>> start) {
        return Flux.defer(() -> {
            watch(key);
            Map<String, Long> seen = new ConcurrentHashMap<>();
            Sinks.Empty<Void> ready = Sinks.empty();
            Flux<T> now = start.apply(seen).filter(matches)
                    .doOnComplete(() -> {
                        signalStarted();
                        ready.tryEmitEmpty();
                    })
                    .doOnError(ready::tryEmitError);
            // documents taken from the feed but not yet passed on: a subscriber that lets too many pile up is ended
            AtomicInteger waiting = new AtomicInteger();
            Sinks.Empty<T> tooSlow = Sinks.empty();
            Flux<T> live = sink.asFlux()
                    .filter(document -> key.equals(source.keyOf(document)) && matches.test(document))
                    .doOnNext(document -> {
                        if (waiting.incrementAndGet() > SUBSCRIBER_BUFFER) {
                            tooSlow.tryEmitError(new IllegalStateException(
                                    "This subscription fell more than " + SUBSCRIBER_BUFFER + " updates behind"));
                        }
                    })
                    .onBackpressureBuffer()
                    .concatMap(document -> ready.asMono().thenReturn(document));
            return Flux.merge(live, now.doOnNext(document -> waiting.incrementAndGet()), tooSlow.asMono())
                    .doOnNext(document -> waiting.decrementAndGet())
                    .filter(document -> isNews(seen, document))
                    .doFinally(signal -> unwatch(key));
        });
    }

    private static boolean isNews(Map<String, Long> seen, LiveDocument document) {
        boolean[] news = {false};
        seen.compute(document.id(), (id, before) -> {
            if (before != null && document.revision() <= before) {
                return before;
            }
            news[0] = true;
            return document.revision();
        });
        return news[0];
    }

    /**
     * A document changed ({@code id}), or an unknown one (empty): re-reads what somebody here watches and offers it
     * to the subscribers. Called by the change-stream follower; tests call it directly when it is switched off.
     */
    public void refresh(Optional<String> id) {
        if (watchers.isEmpty()) {
            return;
        }
        List<T> changed;
        if (id.isEmpty()) {
            changed = source.rereadWatched(Set.copyOf(watchers.keySet()));
        } else if (source.keyedById() && !watchers.containsKey(id.get())) {
            return;
        } else {
            changed = source.reread(id.get()).stream().toList();
        }
        for (T document : changed) {
            if (watchers.containsKey(source.keyOf(document))) {
                publish(document);
            }
        }
    }

    /**
     * Offers a document to every subscriber. Subscribers buffer for themselves, so the only failures are a
     * concurrent emission (retried) and nobody listening any more (nothing to do); the feed itself never ends.
     */
    private void publish(T document) {
        Sinks.EmitResult result = sink.tryEmitNext(document);
        while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
            result = sink.tryEmitNext(document);
        }
        if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            log.warn("Live update of {} not offered: {}", document.id(), result);
        }
    }

    /** How many subscriptions have started (their current state is read, so every later change reaches them). */
    public synchronized long started() {
        return started;
    }

    /** Waits until {@code count} subscriptions have started in total: tests wait for this instead of sleeping. */
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

    private void watch(String key) {
        watchers.merge(key, 1, Integer::sum);
    }

    private void unwatch(String key) {
        watchers.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    ChangeStreamFollower.Handler changeHandler() {
        return new ChangeStreamFollower.Handler() {
            @Override
            public void changed(Optional<String> documentId) {
                refresh(documentId);
            }

            @Override
            public void resumed() {
                refresh(Optional.empty());
            }
        };
    }
}
