package com.cycube.notification.inbox;

import com.cycube.support.live.LiveFeed;
import com.cycube.support.live.LiveFeeds;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Live notifications for {@code notificationReceived}: the notifications collection's change stream, keyed by
 * recipient. A subscriber gets each new notification of theirs once (marking read raises the revision too, but only
 * unread notifications are passed on), whichever instance stored it.
 */
@Component
public class NotificationUpdates {

    private final LiveFeed<NotificationDocument> feed;
    private final NotificationStore store;

    public NotificationUpdates(LiveFeeds feeds, NotificationStore store) {
        this.store = store;
        this.feed = feeds.open(NotificationDocument.COLLECTION, LiveFeed.Source.byKey(NotificationDocument::userId,
                store::reread, store::recentOf));
    }

    /** Every notification {@code userId} receives from now on. */
    public Flux<NotificationDocument> follow(String userId) {
        return feed.followChanges(userId, notification -> !notification.read(),
                () -> store.recentOf(Set.of(userId)).stream()
                        .collect(Collectors.toMap(NotificationDocument::id, NotificationDocument::revision)));
    }

    LiveFeed<NotificationDocument> feed() {
        return feed;
    }
}
