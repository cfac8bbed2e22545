package com.cycube.labs.vm;

import com.cycube.labs.LabsProperties;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code cycube.labs.provider}: {@code simulated} (the local default) or {@code ec2}. */
@Configuration(proxyBeanMethods = false)
public class VmProviderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "cycube.labs.provider", havingValue = "ec2")
    VmProvider ec2VmProvider(LabsProperties properties, ObservationRegistry observations) {
        return Ec2VmProvider.create(properties.ec2(), observations);
    }

    @Bean
    @ConditionalOnProperty(name = "cycube.labs.provider", havingValue = "simulated", matchIfMissing = true)
    VmProvider simulatedVmProvider(LabsProperties properties, Clock clock) {
        LabsProperties.Simulated simulated = properties.simulated();
        return new SimulatedVmProvider(clock, simulated.pendingTime(), simulated.stoppingTime(), simulated.failingImage());
    }
}
