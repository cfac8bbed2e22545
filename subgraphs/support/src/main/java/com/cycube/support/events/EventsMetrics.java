package com.cycube.support.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The events pipeline as an on-call engineer sees it (docs/operations.md):
 * <ul>
 *   <li>{@code cycube_events_backlog{group}} — events a consumer group still has to process (gauge, read at scrape);</li>
 *   <li>{@code cycube_events_parked{group}} — events it gave up on (gauge);</li>
 *   <li>{@code cycube_events_delivery_lag_seconds{group}} — from the event's write to its handling (histogram);</li>
 *   <li>{@code cycube_events_failures_total{group}} — failed attempts (each is retried, the last one parks);</li>
 *   <li>{@code cycube_outbox_relay_lag_seconds} — from the write to its append to the shared log (histogram).</li>
 * </ul>
 * The application's own registry is used (never Micrometer's static global one, which in a JVM with several Spring
 * contexts — tests — also holds registries of contexts that failed or closed).
 */
public final class EventsMetrics implements MeterBinder {

    /** For the relay and delivery loops used without Spring (the mechanism's own tests): recorded nowhere visible. */
    static final EventsMetrics NONE = new EventsMetrics(null, List.of(), new SimpleMeterRegistry());

    private final EventLog eventLog;
    private final List<String> groups;
    private final MeterRegistry registry;

    public EventsMetrics(EventLog eventLog, List<String> groups, MeterRegistry registry) {
        this.eventLog = eventLog;
        this.groups = List.copyOf(groups);
        this.registry = registry;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : groups) {
            registry.gauge("cycube.events.backlog", Tags.of("group", group), eventLog,
                    log -> log.backlog(group));
            registry.gauge("cycube.events.parked", Tags.of("group", group), eventLog,
                    log -> log.parked(group));
        }
    }

    void delivered(String group, DomainEvent event) {
        Timer.builder("cycube.events.delivery.lag").tag("group", group).publishPercentileHistogram()
                .register(registry).record(since(event.occurredAt()));
    }

    void failed(String group) {
        registry.counter("cycube.events.failures", "group", group).increment();
    }

    void relayed(DomainEvent event) {
        Timer.builder("cycube.outbox.relay.lag").publishPercentileHistogram()
                .register(registry).record(since(event.occurredAt()));
    }

    private static Duration since(Instant occurredAt) {
        Duration lag = Duration.between(occurredAt, Instant.now());
        return lag.isNegative() ? Duration.ZERO : lag;
    }
}
