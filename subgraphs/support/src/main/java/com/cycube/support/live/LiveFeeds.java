package com.cycube.support.live;

import com.cycube.support.changes.ChangeStreamFollower;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Opens {@link LiveFeed}s and runs their change-stream followers while the application runs. One switch for all of
 * them (and every other change-stream follower): {@code cycube.change-streams.enabled} (default true; tests that
 * drive a feed by hand turn it off and call {@link LiveFeed#refresh}).
 */
public class LiveFeeds implements SmartLifecycle {

    /**
     * How long an idle stream waits between reads (the embedded store answers an empty read at once): the delay of
     * another instance's write; this application's own writes end the wait at once ({@code LocalWrites}).
     */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final boolean enabled;
    private final List<Opened> opened = new ArrayList<>();
    private boolean running;

    /** A feed and, while the application runs, the follower of its collection's change stream. */
    private static final class Opened {
        final String collection;
        final LiveFeed<?> feed;
        ChangeStreamFollower follower;

        Opened(String collection, LiveFeed<?> feed) {
            this.collection = collection;
            this.feed = feed;
        }
    }

    public LiveFeeds(MongoTemplate mongo, boolean enabled) {
        this.mongo = mongo;
        this.enabled = enabled;
    }

    /** A feed of {@code collection}'s documents, following its change stream from application start to stop. */
    public synchronized <T extends LiveDocument> LiveFeed<T> open(String collection, LiveFeed.Source<T> source) {
        LiveFeed<T> feed = new LiveFeed<>(source);
        Opened entry = new Opened(collection, feed);
        opened.add(entry);
        if (running) {
            follow(entry);
        }
        return feed;
    }

    private void follow(Opened entry) {
        if (enabled) {
            entry.follower = ChangeStreamFollower.start(mongo, entry.collection, POLL_INTERVAL, RETRY_PAUSE,
                    entry.feed.changeHandler());
            // subscriptions may have started before the stream opened (the web server starts first): catch up once
            entry.feed.refresh(java.util.Optional.empty());
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        opened.forEach(this::follow);
    }

    @Override
    public synchronized void stop() {
        running = false;
        for (Opened entry : opened) {
            if (entry.follower != null) {
                try {
                    entry.follower.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                entry.follower = null;
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
