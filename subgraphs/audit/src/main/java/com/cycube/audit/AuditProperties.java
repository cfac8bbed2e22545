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
                              @DefaultValue Verification verification,
                              @DefaultValue Alerts alerts,
                              @DefaultValue Keycloak keycloak) {

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

    /**
     * How much of a chain one {@code verifyAuditTrail} call checks before it answers {@code complete: false} with a
     * cursor to continue from: at most {@code maxRecords} records and about {@code maxDuration} of walking (a step
     * always checks at least one record). The defaults keep a call well under the router's 60 s on two cores
     * (about 10,000 records a second in the embedded store).
     */
    public record Verification(@DefaultValue("100000") int maxRecords, @DefaultValue("10s") Duration maxDuration) {

        public Verification {
            if (maxRecords < 1 || maxDuration.isNegative()) {
                throw new IllegalArgumentException("cycube.audit.verification: max-records must be at least 1 and "
                        + "max-duration not negative, were " + maxRecords + " and " + maxDuration);
            }
        }
    }

    public record Alerts(@DefaultValue("5") int failedSignIns, @DefaultValue("15m") Duration failedSignInsWindow,
                         @DefaultValue("20") int denials, @DefaultValue("5m") Duration denialsWindow) {
    }

    /**
     * Sign-in and admin events read from Keycloak's admin REST API (ADR 23, {@code com.cycube.audit.signins}).
     *
     * @param enabled      whether to read them; unset: when {@code baseUrl} is set (a stack without Keycloak, and
     *                     audit's tests, leave it unset)
     * @param clientSecret the secret of {@code clientId} (a service account with realm-management {@code view-events}),
     *                     from the environment
     * @param scheduled    whether to poll every {@code interval} (tests switch it off and call the poller themselves)
     * @param pageSize     events asked for per request (Keycloak's {@code max})
     * @param overlap      how far before the newest event read each poll reads again: an event Keycloak committed
     *                     late (or a Keycloak node whose clock is behind) is still read; already stored ones are
     *                     skipped by id
     */
    public record Keycloak(Boolean enabled, String baseUrl, @DefaultValue("cycube") String realm,
                           @DefaultValue("cycube-audit-reader") String clientId, String clientSecret,
                           @DefaultValue("true") boolean scheduled, @DefaultValue("30s") Duration interval,
                           @DefaultValue("100") int pageSize, @DefaultValue("15s") Duration overlap,
                           @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

        public Keycloak {
            baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
        }

        /** Whether events are read: as set, or — unset — when Keycloak's address is known. */
        public boolean active() {
            return enabled != null ? enabled : baseUrl != null;
        }

        @Override
        public String toString() {
            return "Keycloak[enabled=" + enabled + ", baseUrl=" + baseUrl + ", realm=" + realm + ", clientId=" + clientId
                    + ", clientSecret=<redacted>, scheduled=" + scheduled + ", interval=" + interval + ", pageSize="
                    + pageSize + ", overlap=" + overlap + ", connectTimeout=" + connectTimeout + ", readTimeout="
                    + readTimeout + "]";
        }
    }

    @Override
    public String toString() {
        return "AuditProperties[checkpointKey=<redacted>, checkpoints=" + checkpoints + ", retention=" + retention
                + ", pruning=" + pruning + ", export=" + export + ", verification=" + verification + ", alerts=" + alerts + ", keycloak=" + keycloak + "]";
    }
}
