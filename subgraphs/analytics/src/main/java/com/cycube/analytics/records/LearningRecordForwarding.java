package com.cycube.analytics.records;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link LearningRecordForwarder} every {@code cycube.analytics.lrs.interval} (default 5 s) when forwarding
 * is on and {@code cycube.analytics.lrs.scheduled} is not switched off (tests call the forwarder themselves).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = {"cycube.analytics.lrs.enabled", "cycube.analytics.lrs.scheduled"}, havingValue = "true",
        matchIfMissing = false)
public class LearningRecordForwarding {

    private static final Logger log = LoggerFactory.getLogger(LearningRecordForwarding.class);

    private final LearningRecordForwarder forwarder;

    public LearningRecordForwarding(LearningRecordForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Scheduled(fixedDelayString = "${cycube.analytics.lrs.interval:5s}")
    void tick() {
        try {
            forwarder.forwardPending();
        } catch (RuntimeException e) {
            log.error("Forwarding learning records failed", e);
        }
    }
}
