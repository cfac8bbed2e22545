package com.cycube.notification.inbox;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * A person's own notifications: listed, counted, marked read, followed live. Nobody reads another person's — not a
 * manager, not root: the inbox is always the caller's.
 */
@Service
public class InboxService {

    /** How many notifications one call may mark read by id. */
    static final int MAX_IDS = 100;

    private final NotificationStore store;
    private final NotificationUpdates updates;
    private final Clock clock;

    public InboxService(NotificationStore store, NotificationUpdates updates, Clock clock) {
        this.store = store;
        this.updates = updates;
        this.clock = clock;
    }

    /** The person calling; integration clients have no notifications (FORBIDDEN). */
    public static String personOf(Caller caller) {
        caller.requireAuthenticated();
        if (caller.kind() != Caller.Kind.PERSON) {
            throw DomainException.forbidden("Notifications belong to people; integration clients have none");
        }
        return caller.subject();
    }

    public Connection<NotificationDocument> list(Caller caller, Integer first, String after, Boolean unreadOnly) {
        String me = personOf(caller);
        PageRequest page = PageRequest.of(first, after);
        boolean unread = Boolean.TRUE.equals(unreadOnly);
        return Connection.of(store.page(me, unread, page), page, store.count(me, unread));
    }

    public int unreadCount(Caller caller) {
        return (int) store.count(personOf(caller), true);
    }

    /** Marks some (by id) or all of the caller's notifications read; returns how many are still unread. */
    public int markRead(Caller caller, List<String> ids, Boolean all) {
        String me = personOf(caller);
        boolean everything = Boolean.TRUE.equals(all);
        if (everything == (ids != null)) {
            throw DomainException.badInput("Give either ids or all: true");
        }
        if (ids != null && (ids.isEmpty() || ids.size() > MAX_IDS)) {
            throw DomainException.badInput("Give between 1 and " + MAX_IDS + " ids");
        }
        store.markRead(me, everything ? null : ids, clock.instant());
        return (int) store.count(me, true);
    }

    public Flux<NotificationDocument> follow(Caller caller) {
        return updates.follow(personOf(caller));
    }
}
