package com.cycube.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cycube.audit.*}; what each value means is in application.yaml and docs/compliance.md.
 *
 * @param checkpointKey the HMAC key of checkpoints, from the environment; null when not set (outside
 *                      {@code cycube.dev-mode} the subgraph does not start without one: {@code CheckpointSigner})
 */
@ConfigurationProperties("cycube.audit")
public record AuditProperties(String checkpointKey,
                              @DefaultValue Checkpoints checkpoints,
                              @DefaultValue("400d") Duration retention,
                              @DefaultValue Pruning pruning,
                              @DefaultValue Export export,
                              @DefaultValue Alerts alerts) {

    /**
     * Public, hence only good for a laptop: used when no key is set in {@code cycube.dev-mode} (with a warning);
     * refused anywhere else.
     */
    public static final String DEV_CHECKPOINT_KEY = "dev-only-insecure-audit-checkpoint-key";

    public record Checkpoints(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration interval) {
    }

    public record Pruning(@DefaultValue("true") boolean enabled, @DefaultValue("1d") Duration interval) {
    }

    public record Export(@DefaultValue("100000") int maxRows) {
    }

    public record Alerts(@DefaultValue("5") int failedSignIns, @DefaultValue("15m") Duration failedSignInsWindow,
                         @DefaultValue("20") int denials, @DefaultValue("5m") Duration denialsWindow) {
    }

    @Override
    public String toString() {
        return "AuditProperties[checkpointKey=<redacted>, checkpoints=" + checkpoints + ", retention=" + retention
                + ", pruning=" + pruning + ", export=" + export + ", alerts=" + alerts + "]";
    }
}
