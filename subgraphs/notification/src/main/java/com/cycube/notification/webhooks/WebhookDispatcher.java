package com.cycube.notification.webhooks;

import com.cycube.notification.facts.Notifier;
import com.cycube.notification.inbox.NotificationKind;
import com.cycube.notification.people.DirectoryStore;
import com.cycube.notification.people.PersonDocument;
import com.cycube.notification.webhooks.WebhookDeliveryDocument.Attempt;
import com.cycube.notification.webhooks.WebhookSender.Outcome;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries. A pass claims up to {@code batch-size} of them, longest due first and at most
 * {@code per-endpoint} per endpoint (a burst for one organization does not hold back the others), each with a lease
 * just before its attempt, on a few threads: resolving and checking the endpoint's address right before the attempt, signing
 * with its current secret (and the previous one during a rotation). A 2xx delivers; anything else — another status,
 * a timeout, a refused connection or address — is retried on the schedule (±jitter), and once it ran out the
 * delivery FAILED; then the endpoint is disabled if nothing was delivered to it since that delivery was made, and its
 * organization's managers are told. A stop between sending and recording sends the same webhook-id again once the
 * lease expires: delivery is at least once, receivers deduplicate on the id.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryStore deliveries;
    private final WebhookEndpointStore endpoints;
    private final WebhookSecrets secrets;
    private final WebhookAddressGuard guard;
    private final WebhookSender sender;
    private final Notifier notifier;
    private final DirectoryStore directory;
    private final WebhookProperties properties;
    private final Clock clock;
    private final ExecutorService pool;

    public WebhookDispatcher(WebhookDeliveryStore deliveries, WebhookEndpointStore endpoints, WebhookSecrets secrets,
                             WebhookAddressGuard guard, WebhookSender sender, Notifier notifier,
                             DirectoryStore directory, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.guard = guard;
        this.sender = sender;
        this.notifier = notifier;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(Math.max(1, properties.worker().parallelism()), runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * One pass: {@code parallelism} senders each claim the next due delivery, attempt it and record the attempt, until
     * {@code batch-size} were claimed or nothing more is due; returns how many attempts were made. A delivery is
     * claimed just before its attempt, so its lease only has to outlast one attempt.
     */
    public int deliverDue() {
        Pass pass = new Pass(clock.instant());
        List<Callable<Integer>> senders = new ArrayList<>();
        for (int i = 0; i < Math.max(1, properties.worker().parallelism()); i++) {
            senders.add(() -> work(pass));
        }
        int made = 0;
        try {
            for (var result : pool.invokeAll(senders)) {
                try {
                    made += result.get();
                } catch (ExecutionException failed) {
                    log.error("Sending webhooks failed; what was claimed is sent again when its lease expires",
                            failed.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return made;
    }

    private int work(Pass pass) {
        int made = 0;
        for (Optional<WebhookDeliveryDocument> next = pass.claim(); next.isPresent(); next = pass.claim()) {
            made += attempt(next.get()) ? 1 : 0;
        }
        return made;
    }

    /** What one pass claimed: deliveries due when it started, at most batch-size, at most per-endpoint per endpoint. */
    private final class Pass {
        private final Instant dueBy;
        private final Map<String, Integer> perEndpoint = new HashMap<>();
        private final Set<String> full = new HashSet<>();
        private int claimed;

        Pass(Instant dueBy) {
            this.dueBy = dueBy;
        }

        synchronized Optional<WebhookDeliveryDocument> claim() {
            WebhookProperties.Worker worker = properties.worker();
            if (claimed >= worker.batchSize()) {
                return Optional.empty();
            }
            Optional<WebhookDeliveryDocument> next = deliveries.claimNextDue(dueBy, clock.instant().plus(worker.lease()),
                    Set.copyOf(full));
            next.ifPresent(delivery -> {
                claimed++;
                if (perEndpoint.merge(delivery.endpointId(), 1, Integer::sum) >= worker.perEndpoint()) {
                    full.add(delivery.endpointId());
                }
            });
            return next;
        }
    }

    /** Attempts one claimed delivery; false when there was nothing to attempt (endpoint gone or disabled). */
    private boolean attempt(WebhookDeliveryDocument delivery) {
        Optional<WebhookEndpointDocument> found = endpoints.byId(delivery.endpointId());
        if (found.isEmpty()) {
            deliveries.drop(delivery);
            return false;
        }
        WebhookEndpointDocument endpoint = found.get();
        if (!endpoint.enabled()) {
            deliveries.pauseClaimed(delivery);
            return false;
        }
        Instant at = clock.instant();
        Outcome outcome = send(endpoint, delivery, at);
        Attempt attempt = new Attempt(at, outcome.status(), outcome.latencyMs(), outcome.error(), outcome.excerpt());
        if (outcome.delivered()) {
            deliveries.delivered(delivery, attempt);
            endpoints.succeeded(endpoint.id(), at);
        } else if (delivery.roundAttempts() + 1 < properties.attemptsPerRound()) {
            deliveries.retryAt(delivery, attempt, at.plus(withJitter(properties.retryDelays().get(delivery.roundAttempts()))));
        } else {
            ranOut(endpoint, delivery, at);
            deliveries.failed(delivery, attempt);
        }
        return true;
    }

    private Outcome send(WebhookEndpointDocument endpoint, WebhookDeliveryDocument delivery, Instant at) {
        URI url;
        List<String> signingSecrets = new ArrayList<>();
        try {
            url = URI.create(endpoint.url());
            guard.check(url);
            signingSecrets.add(secrets.decrypt(endpoint.id(), endpoint.encryptedSecret()));
            if (endpoint.encryptedPreviousSecret() != null && endpoint.previousSecretExpiresAt() != null
                    && at.isBefore(endpoint.previousSecretExpiresAt())) {
                previousSecret(endpoint).ifPresent(signingSecrets::add);
            }
        } catch (WebhookAddressGuard.RefusedAddress refused) {
            return WebhookSender.Outcome.failed("REFUSED_ADDRESS", 0);
        } catch (RuntimeException unusable) {
            log.error("Webhook {} cannot be sent: {}", endpoint.id(), unusable.getMessage());
            return WebhookSender.Outcome.failed("NOT_SENT", 0);
        }
        long timestamp = at.getEpochSecond();
        return sender.post(url, Map.of("webhook-id", delivery.id(), "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", WebhookSignature.header(signingSecrets, delivery.id(), timestamp, delivery.body())),
                delivery.body());
    }

    /** The secret before the last rotation; skipped when unreadable (sealed under an earlier key), never fatal. */
    private Optional<String> previousSecret(WebhookEndpointDocument endpoint) {
        try {
            return Optional.of(secrets.decrypt(endpoint.id(), endpoint.encryptedPreviousSecret()));
        } catch (RuntimeException unreadable) {
            log.warn("Webhook {} is signed without its previous secret: {}", endpoint.id(), unreadable.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The delivery ran out of attempts: when nothing reached the endpoint since the delivery was made, its managers are
     * told (written first, once per delivery: a stop before the endpoint is disabled writes the same notification
     * again), then the endpoint is disabled and its pending deliveries paused.
     */
    private void ranOut(WebhookEndpointDocument endpoint, WebhookDeliveryDocument delivery, Instant at) {
        if (!endpoint.enabled() || !endpoint.noSuccessSince(delivery.createdAt())) {
            return;
        }
        String host = URI.create(endpoint.url()).getHost();
        for (PersonDocument manager : directory.managersOf(endpoint.organizationId())) {
            notifier.notify("webhook-disabled:" + delivery.id(), at, new Notifier.Message(endpoint.organizationId(),
                    manager.id(), NotificationKind.WEBHOOK_DISABLED, "/settings/webhooks", endpoint.id(),
                    "WEBHOOK_DISABLED", host, delivery.createdAt()));
        }
        String reason = "Delivery " + delivery.id() + " failed " + properties.attemptsPerRound()
                + " times with nothing delivered since " + delivery.createdAt();
        if (endpoints.disableFailing(endpoint.id(), delivery.createdAt(), reason, at)) {
            deliveries.pauseAll(endpoint.id());
            log.warn("Webhook {} of {} disabled: {}", endpoint.id(), endpoint.organizationId(), reason);
        }
    }

    private Duration withJitter(Duration delay) {
        double factor = 1 + properties.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }
}
