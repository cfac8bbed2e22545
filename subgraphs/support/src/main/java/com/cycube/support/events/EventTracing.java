package com.cycube.support.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The trace crosses the asynchronous hops: an event remembers the W3C {@code traceparent} of the request that wrote it
 * ({@link DomainEvent#traceParent()}), and the relay that appends it to the shared log and every consumer that handles
 * it run in a span that continues that trace — so one trace goes from the router through the producing subgraph, its
 * MongoDB write, the relay, to the consumer in another subgraph and its writes (ADR 18).
 *
 * <p>Events are made with a static factory ({@link DomainEvent#of}) anywhere in the code, so the tracer is held here,
 * installed once per application by the support library; without one (plain unit tests) nothing is traced.
 */
public final class EventTracing {

    private static final String TRACEPARENT = "traceparent";
    private static volatile Tracer tracer;
    private static volatile Propagator propagator;

    private EventTracing() {
    }

    /** Called by the support library's auto-configuration with the application's tracer. */
    public static void install(Tracer applicationTracer, Propagator applicationPropagator) {
        tracer = applicationTracer;
        propagator = applicationPropagator;
    }

    /** The {@code traceparent} of the current span, or null outside a trace. */
    static String currentTraceParent() {
        Tracer current = tracer;
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /** Runs {@code work} in a span named {@code name} that continues the event's trace (or just runs it, untraced). */
    static <T> T inSpan(String name, DomainEvent event, Supplier<T> work) {
        Tracer current = tracer;
        Propagator extractor = propagator;
        if (current == null || extractor == null || event.traceParent() == null) {
            return work.get();
        }
        Span span = extractor.extract(Map.of(TRACEPARENT, event.traceParent()), (carrier, key) -> carrier.get(key))
                .name(name).kind(Span.Kind.CONSUMER)
                .tag("cycube.event.type", event.type()).tag("cycube.event.id", event.eventId())
                .start();
        try (Tracer.SpanInScope scope = current.withSpan(span)) {
            return work.get();
        } catch (RuntimeException failure) {
            span.error(failure);
            throw failure;
        } finally {
            span.end();
        }
    }
}
