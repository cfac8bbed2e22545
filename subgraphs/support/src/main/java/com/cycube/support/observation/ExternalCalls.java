package com.cycube.support.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;

/**
 * The one way to observe a call to an external system that does not go through Spring's {@code RestClient} (which is
 * observed by itself): an SDK (EC2) or the JDK's HTTP client (Guacamole). Each call becomes a span
 * ({@code <system> <operation>}, child of the current request's or event's span) and a timing
 * ({@code cycube_external_call_seconds{system,operation,error}}), success or failure.
 */
public final class ExternalCalls {

    private ExternalCalls() {
    }

    /** Runs {@code call} observed as {@code operation} on {@code system} (both low-cardinality: fixed names, never ids). */
    public static <T> T observe(ObservationRegistry registry, String system, String operation, Supplier<T> call) {
        return Observation.createNotStarted("cycube.external.call", registry)
                .contextualName(system + " " + operation)
                .lowCardinalityKeyValue("system", system)
                .lowCardinalityKeyValue("operation", operation)
                .observe(call);
    }
}
