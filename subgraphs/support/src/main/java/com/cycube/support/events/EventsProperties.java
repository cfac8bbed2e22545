package com.cycube.support.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cycube.events.*}: where the shared event log lives and how often the outbox relay and the consumers look
 * for work (they are also woken by a change stream, so the intervals only bound the delay when that is off).
 *
 * @param enabled             relay this service's outbox and run its {@link EventHandler}s
 * @param database            the event log's database, on the same MongoDB deployment as the service's own
 * @param background          run relay and consumers on background threads (tests turn it off and call
 *                            {@link EventProcessing#drain()} themselves)
 * @param relayInterval       how often the relay scans every collection's outbox (this application's own writes are
 *                            relayed at once; the scan finds what no write of this instance announced)
 * @param pollInterval        how often a consumer looks for events when nothing woke it
 * @param changeStreamEnabled wake consumers from the event log's change stream
 * @param batchSize           events read per pass
 * @param maxAttempts         failed deliveries before an event is parked for a consumer
 * @param backoff             first retry delay after a failure (doubles per attempt)
 * @param maxBackoff          longest retry delay
 */
@ConfigurationProperties("cycube.events")
public record EventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("cycube-events") String database,
        @DefaultValue("true") boolean background,
        @DefaultValue("2s") Duration relayInterval,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("true") boolean changeStreamEnabled,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration backoff,
        @DefaultValue("5m") Duration maxBackoff) {
}
