package com.cycube.notification.webhooks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link WebhookDispatcher} every {@code cycube.notification.webhooks.worker.interval} (default 2 s) on a
 * thread of its own — slow endpoints never hold up the reminders' schedule — on every instance (leases keep them
 * apart), when {@code cycube.notification.webhooks.worker.enabled} (tests switch it off and call
 * {@link WebhookDispatcher#deliverDue()}). A pass that had work is followed by the next one at once.
 */
@Component
@ConditionalOnProperty(name = "cycube.notification.webhooks.worker.enabled", havingValue = "true", matchIfMissing = true)
public class WebhookSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSchedule.class);
    private static final int MAX_PASSES = 100;

    private final WebhookDispatcher dispatcher;
    private final long intervalMillis;
    private ScheduledExecutorService timer;

    public WebhookSchedule(WebhookDispatcher dispatcher, WebhookProperties properties) {
        this.dispatcher = dispatcher;
        this.intervalMillis = properties.worker().interval().toMillis();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::deliver, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    void deliver() {
        try {
            for (int pass = 0; pass < MAX_PASSES && dispatcher.deliverDue() > 0; pass++) {
                // a backlog is worked through without waiting for the next interval
            }
        } catch (RuntimeException e) {
            log.error("Delivering webhooks failed", e);
        }
    }
}
