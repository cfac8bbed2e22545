package com.cycube.notification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cycube.notification.*}; what each value means is in application.yaml. */
@ConfigurationProperties("cycube.notification")
public record NotificationProperties(@DefaultValue Reminders reminders) {

    public record Reminders(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
                            @DefaultValue({"3d", "1d"}) List<Duration> leads) {
    }
}
