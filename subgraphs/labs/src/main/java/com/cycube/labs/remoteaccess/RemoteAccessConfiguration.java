package com.cycube.labs.remoteaccess;

import com.cycube.labs.LabsProperties;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code cycube.labs.remote-access}: {@code simulated} (the local default) or {@code guacamole}. */
@Configuration(proxyBeanMethods = false)
public class RemoteAccessConfiguration {

    @Bean
    @ConditionalOnProperty(name = "cycube.labs.remote-access", havingValue = "guacamole")
    RemoteAccess guacamoleRemoteAccess(LabsProperties properties, ObservationRegistry observations) {
        return new GuacamoleRemoteAccess(properties.guacamole(), observations);
    }

    @Bean
    @ConditionalOnProperty(name = "cycube.labs.remote-access", havingValue = "simulated", matchIfMissing = true)
    RemoteAccess simulatedRemoteAccess() {
        return new SimulatedRemoteAccess();
    }
}
