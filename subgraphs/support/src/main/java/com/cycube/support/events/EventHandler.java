package com.cycube.support.events;

import java.util.Set;

/**
 * A durable consumer of domain events. Declare one as a Spring bean and the library delivers every event of its
 * types to it, at least once, in roughly the order they happened, resuming after restarts from where it stopped
 * (its subscription is stored in the event log, so events produced while it is down wait for it).
 * <p>
 * {@link #handle} must be idempotent: a redelivered event (after a crash between the effect and its
 * acknowledgement) must not change anything twice. {@link Idempotent#applyOnce} is the one way to do that with a
 * single-document write. Throwing makes the event come back later with a growing backoff; after
 * {@code cycube.events.max-attempts} it is parked (kept in the log, marked dead for this group, logged as an error).
 */
public interface EventHandler {

    /** A stable, unique name for this consumer (its durable subscription): {@code training.cube-completions}. */
    String group();

    /** The event types it wants. */
    Set<String> eventTypes();

    /** Applies one event; idempotently. */
    void handle(DomainEvent event);
}
