package com.cycube.support.changes;

import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Follows one collection's MongoDB change stream on a daemon thread and tells a {@link Handler} which
 * document changed — the one way a subgraph learns about committed writes made by any of its instances
 * (docs/adr/0009). Works on a real replica set and on the embedded store with its oplog on, whose quirks it
 * absorbs: update events may lack the document id (the handler is told "unknown" and re-reads), and an empty
 * read returns at once (the follower waits out the rest of the poll interval so an idle stream never spins).
 * A write this application itself makes to the collection ends that wait at once ({@link LocalWrites}), so its own
 * changes arrive without the poll's delay; the poll interval stays the upper bound (other instances' writes).
 * When the stream breaks it is reopened from "now" after a pause and the handler is asked to catch up.
 *
 * <p>Every change is timed from its commit to its arrival here: {@code cycube_changes_lag_seconds{collection}} (a
 * histogram in the global registry, which Spring Boot's Prometheus registry joins). It uses the event's wall time
 * (MongoDB 6+, millisecond resolution) and falls back to its cluster time (whole seconds — the embedded store's only
 * clock), so a follower that falls behind shows up in both; sub-second lag is only measured on a real server.
 */
public final class ChangeStreamFollower implements AutoCloseable {

    /** What a follower reports to. Exceptions thrown here reopen the stream and lead to {@link #resumed()}. */
    public interface Handler {

        /** A document changed: its string {@code _id}, or empty when the event does not say which. */
        void changed(Optional<String> documentId);

        /** The stream was reopened after a failure: changes in between may have been missed, so catch up. */
        void resumed();
    }

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamFollower.class);

    private final MongoTemplate mongo;
    private final String collection;
    private final Duration pollInterval;
    private final Duration retryPause;
    private final Handler handler;
    private final Thread thread;
    /** Set by a local write to the collection ({@link LocalWrites}), cleared before each read. */
    private final AtomicBoolean nudged = new AtomicBoolean();
    private final LocalWrites.Registration nudges;
    private volatile boolean running = true;
    private volatile MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor;
    private final Timer lag;
    private final Clock clock;

    private ChangeStreamFollower(MongoTemplate mongo, String collection, Duration pollInterval, Duration retryPause,
                                 Handler handler) {
        this.mongo = mongo;
        this.collection = collection;
        this.pollInterval = pollInterval;
        this.retryPause = retryPause;
        this.handler = handler;
        this.clock = Clock.systemUTC();
        this.lag = Timer.builder("cycube.changes.lag").tag("collection", collection)
                .description("Time from a write's commit to its change event reaching this follower")
                .publishPercentileHistogram().register(Metrics.globalRegistry);
        this.thread = new Thread(this::follow, "change-stream-" + collection);
        this.thread.setDaemon(true);
        this.nudges = LocalWrites.onWrite(mongo.getDb().getName(), collection, this::nudge);
    }

    /** Starts following {@code collection}; {@link #close()} stops it. */
    public static ChangeStreamFollower start(MongoTemplate mongo, String collection, Duration pollInterval,
                                             Duration retryPause, Handler handler) {
        ChangeStreamFollower follower = new ChangeStreamFollower(mongo, collection, pollInterval, retryPause, handler);
        follower.thread.start();
        return follower;
    }

    private void follow() {
        BsonDocument resumeToken = null;
        while (running) {
            try {
                var watch = mongo.getCollection(collection).watch()
                        .fullDocument(FullDocument.DEFAULT)
                        .maxAwaitTime(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (resumeToken != null) {
                    watch = watch.resumeAfter(resumeToken);
                }
                try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> opened = watch.cursor()) {
                    cursor = opened;
                    while (running) {
                        long asked = System.nanoTime();
                        nudged.set(false); // a write from here on is either in this read or ends the wait after it
                        ChangeStreamDocument<Document> change = opened.tryNext();
                        if (change == null) {
                            idleAfter(asked);
                            continue;
                        }
                        resumeToken = change.getResumeToken();
                        recordLag(change);
                        handler.changed(documentId(change.getDocumentKey()));
                    }
                }
            } catch (RuntimeException broken) {
                if (!running) {
                    return;
                }
                log.warn("Change stream on {} interrupted ({}); catching up and resuming", collection, broken.toString());
                resumeToken = null;
                pause();
                try {
                    handler.resumed();
                } catch (RuntimeException catchUpFailed) {
                    log.warn("Catching up after the change stream on {} broke failed: {}", collection, catchUpFailed.toString());
                }
            }
        }
    }

    private void recordLag(ChangeStreamDocument<Document> change) {
        long committedMillis;
        if (change.getWallTime() != null) {
            committedMillis = change.getWallTime().getValue();
        } else if (change.getClusterTime() != null) {
            committedMillis = change.getClusterTime().getTime() * 1000L;
        } else {
            return;
        }
        lag.record(Duration.ofMillis(Math.max(0, clock.millis() - committedMillis)));
    }

    private static Optional<String> documentId(BsonDocument key) {
        BsonValue id = key == null ? null : key.get("_id");
        return id != null && id.isString() ? Optional.of(id.asString().getValue()) : Optional.empty();
    }

    /**
     * Real MongoDB holds an empty getMore open for maxAwaitTime; mongo-java-server answers at once. Wait out the
     * rest of the poll interval here, unless a local write to the collection nudges the follower to read now.
     */
    private void idleAfter(long askedAtNanos) {
        long deadline = askedAtNanos + pollInterval.toNanos();
        long remaining;
        while (running && !nudged.get() && !Thread.currentThread().isInterrupted()
                && (remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, remaining);
        }
    }

    /** A write to the collection succeeded in this application: read now. Runs on the writing thread. */
    private void nudge() {
        nudged.set(true);
        LockSupport.unpark(thread);
    }

    private void pause() {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        nudges.close();
        MongoChangeStreamCursor<?> open = cursor;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // races with the follower thread's own close
            }
        }
        thread.interrupt();
        thread.join(2_000);
    }
}
