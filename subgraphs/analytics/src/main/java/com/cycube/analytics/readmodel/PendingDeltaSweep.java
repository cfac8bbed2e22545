package com.cycube.analytics.readmodel;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies deltas left pending by a process that stopped between an entity's write and the aggregates' (ADR 19),
 * every {@code cycube.analytics.sweep.interval} (default 1 min, first run at start). Tests switch it off
 * ({@code cycube.analytics.sweep.enabled=false}) and call {@link EntityStore#flushPending} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cycube.analytics.sweep.enabled", havingValue = "true", matchIfMissing = true)
public class PendingDeltaSweep {

    private static final Logger log = LoggerFactory.getLogger(PendingDeltaSweep.class);

    private final EntityStore store;
    private final List<String> collections;

    public PendingDeltaSweep(EntityStore store, List<EntityType<?>> types) {
        this.store = store;
        this.collections = types.stream().map(EntityType::collection).toList();
    }

    @Scheduled(fixedDelayString = "${cycube.analytics.sweep.interval:1m}", initialDelay = 0)
    void sweep() {
        try {
            int flushed = store.flushPending(collections);
            if (flushed > 0) {
                log.warn("Applied pending read-model deltas of {} entities (left by an interrupted write)", flushed);
            }
        } catch (RuntimeException e) {
            log.error("Sweeping pending read-model deltas failed", e);
        }
    }
}
