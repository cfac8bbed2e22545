package com.cycube.notification.webhooks;

import com.cycube.support.jobs.PeriodicJob;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the {@link WebhookDispatcher} every {@code cycube.notification.webhooks.worker.interval} (default 2 s) on a
 * thread of its own ({@link PeriodicJob} {@value #THREAD}) — slow endpoints never hold up the reminders' schedule — on
 * every instance (leases keep them apart), when {@code cycube.notification.webhooks.worker.enabled} (tests switch it
 * off and call {@link WebhookDispatcher#deliverDue()}). A pass that had work is followed by the next one at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cycube.notification.webhooks.worker.enabled", havingValue = "true", matchIfMissing = true)
public class WebhookSchedule {

    static final String THREAD = "webhook-worker";
    private static final int MAX_PASSES = 100;

    @Bean
    PeriodicJob webhookDeliveries(WebhookDispatcher dispatcher, WebhookProperties properties) {
        return new PeriodicJob(THREAD, properties.worker().interval(), properties.worker().interval(),
                () -> deliver(dispatcher), true);
    }

    /** Delivers what is due; a backlog is worked through without waiting for the next interval. */
    static void deliver(WebhookDispatcher dispatcher) {
        for (int pass = 0; pass < MAX_PASSES && dispatcher.deliverDue() > 0; pass++) {
            // the next pass at once
        }
    }
}
