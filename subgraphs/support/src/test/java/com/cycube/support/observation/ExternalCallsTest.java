package com.cycube.support.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

class ExternalCallsTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();

    ExternalCallsTest() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

    @Test
    void a_call_is_timed_by_system_and_operation_and_its_result_returned() {
        String result = ExternalCalls.observe(observations, "ec2", "RunInstances", () -> "i-123");

        assertThat(result).isEqualTo("i-123");
        assertThat(meters.get("cycube.external.call").tag("system", "ec2").tag("operation", "RunInstances")
                .tag("error", "none").timer().count()).isEqualTo(1);
    }

    @Test
    void a_failed_call_is_timed_with_its_error_and_the_failure_goes_on_to_the_caller() {
        assertThatThrownBy(() -> ExternalCalls.observe(observations, "guacamole", "authenticate", () -> {
            throw new IllegalStateException("unreachable");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(meters.get("cycube.external.call").tag("system", "guacamole").tag("error", "IllegalStateException")
                .timer().count()).isEqualTo(1);
    }
}
