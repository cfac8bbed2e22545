package com.cycube.support.events;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The payload of one domain event: a record annotated with {@link EventType}, in
 * {@code com.cycube.support.contracts.<owner>}, that producers create and consumers read — the one typed contract of
 * the event. Components may be strings, numbers, booleans, {@link java.time.Instant}s, enums, nested records and
 * lists of those; they are stored as plain BSON ({@link PayloadCodec}), so consumers written in any language read
 * the same fields.
 */
public interface EventPayload {

    /** The event type name of {@code payloadType}, from its {@link EventType} annotation. */
    static String typeOf(Class<? extends EventPayload> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " is not annotated with @EventType");
        }
        return type.value();
    }

    /** The type names of {@code payloadTypes}, for {@link EventHandler#eventTypes()}. */
    @SafeVarargs
    static Set<String> typesOf(Class<? extends EventPayload>... payloadTypes) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(payloadTypes).map(EventPayload::typeOf).forEach(names::add);
        return java.util.Collections.unmodifiableSet(names);
    }
}
