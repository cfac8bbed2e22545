package com.cycube.analytics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code cycube.analytics.*}; what each value means is in application.yaml. */
@ConfigurationProperties("cycube.analytics")
public record AnalyticsProperties(
        @DefaultValue Xapi xapi,
        @DefaultValue Dashboards dashboards,
        @DefaultValue Sweep sweep,
        @DefaultValue Lrs lrs) {

    public record Xapi(@DefaultValue("https://cycube.io/xapi") String activityBase,
                       @DefaultValue("https://cycube.io") String accountHomePage) {
    }

    public record Dashboards(@DefaultValue("1s") Duration liveUpdateInterval) {
    }

    public record Sweep(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval) {
    }

    /**
     * Forwarding learning records to an external Learning Record Store (xAPI Statements API), off by default.
     * {@code endpoint} is the LRS's xAPI base (statements are POSTed to {@code <endpoint>/statements}); authentication
     * is HTTP basic ({@code username}/{@code password}) or a bearer {@code token}, whichever is set.
     */
    public record Lrs(@DefaultValue("false") boolean enabled, String endpoint, String username, String password,
                      String token, @DefaultValue("50") int batchSize, @DefaultValue("5s") Duration interval,
                      @DefaultValue("5m") Duration maxBackoff) {

        @Override
        public String toString() {
            return "Lrs[enabled=" + enabled + ", endpoint=" + endpoint + ", username=" + username
                    + ", password=<redacted>, token=<redacted>, batchSize=" + batchSize + "]";
        }
    }
}
