package com.cycube.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cycube.analytics.*}; what each value means is in application.yaml. */
@ConfigurationProperties("cycube.analytics")
public record AnalyticsProperties(
        @DefaultValue Xapi xapi,
        @DefaultValue Dashboards dashboards,
        @DefaultValue Sweep sweep) {

    public record Xapi(@DefaultValue("https://cycube.io/xapi") String activityBase,
                       @DefaultValue("https://cycube.io") String accountHomePage) {
    }

    public record Dashboards(@DefaultValue("1s") Duration liveUpdateInterval) {
    }

    public record Sweep(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval) {
    }
}
