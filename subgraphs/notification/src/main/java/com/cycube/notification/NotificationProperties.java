package com.cycube.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cycube.notification.*}; what each value means is in application.yaml. */
@ConfigurationProperties("cycube.notification")
public record NotificationProperties(@DefaultValue Reminders reminders, @DefaultValue Mail mail) {

    public record Reminders(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
                            @DefaultValue({"3d", "1d"}) List<Duration> leads) {
    }

    public record Mail(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
                       @DefaultValue("CyCube <no-reply@cycube.local>") String from,
                       @DefaultValue("http://localhost:5173") String consoleUrl,
                       @DefaultValue("http://localhost:4007") String publicUrl,
                       String unsubscribeKey,
                       @DefaultValue("500") int batch, @DefaultValue("50") int perOrganization,
                       @DefaultValue({"1m", "5m", "15m", "1h", "3h", "6h", "12h"}) List<Duration> retries,
                       @DefaultValue("1h") Duration addressWait) {
    }
}
