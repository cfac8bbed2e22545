package com.cycube.support.events;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one consumer group's pending events to its {@link EventHandler}: handle, then acknowledge. A crash
 * between the two redelivers the event, which the handler absorbs by being idempotent; a failure schedules a
 * retry with backoff and parks the event after the last attempt.
 */
public final class EventDelivery {

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    private final EventLog eventLog;
    private final EventHandler handler;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final EventsMetrics metrics;

    public EventDelivery(EventLog eventLog, EventHandler handler, EventsProperties properties) {
        this(eventLog, handler, properties, EventsMetrics.NONE);
    }

    public EventDelivery(EventLog eventLog, EventHandler handler, EventsProperties properties, EventsMetrics metrics) {
        this.metrics = metrics;
        this.eventLog = eventLog;
        this.handler = handler;
        this.batchSize = properties.batchSize();
        this.maxAttempts = properties.maxAttempts();
        this.backoff = properties.backoff();
        this.maxBackoff = properties.maxBackoff();
    }

    public EventHandler handler() {
        return handler;
    }

    /** One pass: delivers up to a batch of due events; returns how many were taken (handled or failed). */
    public int deliverPending() {
        // only the types this instance handles: during a rolling deploy an older instance of the group leaves a type
        // it does not know yet to the newer ones instead of acknowledging it unhandled
        List<DomainEvent> due = eventLog.pending(handler.group(), handler.eventTypes(), batchSize);
        for (DomainEvent event : due) {
            try {
                EventTracing.inSpan("event " + event.type() + " " + handler.group(), event, () -> {
                    handler.handle(event);
                    return null;
                });
            } catch (RuntimeException failure) {
                metrics.failed(handler.group());
                boolean parked = eventLog.failed(handler.group(), event.eventId(), failure.toString(), maxAttempts,
                        backoff, maxBackoff);
                if (parked) {
                    log.error("Event {} ({}) parked for {} after {} attempts: {}", event.eventId(), event.type(),
                            handler.group(), maxAttempts, failure.toString());
                } else {
                    log.warn("Event {} ({}) failed in {}, will retry: {}", event.eventId(), event.type(),
                            handler.group(), failure.toString());
                }
                continue;
            }
            eventLog.acknowledge(handler.group(), event.eventId());
            metrics.delivered(handler.group(), event);
        }
        return due.size();
    }
}
