package com.cycube.notification.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cycube.notification.webhooks.*}; what each value means is in application.yaml.
 *
 * @param secretKey               base64 of the 32-byte AES key that encrypts endpoints' signing secrets at rest
 * @param allowPrivateAddresses   local development only: deliver to loopback, private and link-local addresses
 * @param allowHttp               local development only: accept plain {@code http://} endpoint URLs
 * @param retryDelays             the waits between attempts of one delivery (Standard Webhooks / Svix schedule)
 * @param jitter                  each wait is randomly longer or shorter by up to this fraction
 * @param previousSecretValidity  how long the secret before a rotation still signs deliveries
 * @param maxPerOrganization      how many endpoints an organization may register
 */
@ConfigurationProperties("cycube.notification.webhooks")
public record WebhookProperties(String secretKey,
                                @DefaultValue("false") boolean allowPrivateAddresses,
                                @DefaultValue("false") boolean allowHttp,
                                @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retryDelays,
                                @DefaultValue("0.2") double jitter,
                                @DefaultValue("5s") Duration connectTimeout,
                                @DefaultValue("10s") Duration requestTimeout,
                                @DefaultValue("65536") int maxResponseBytes,
                                @DefaultValue("24h") Duration previousSecretValidity,
                                @DefaultValue("20") int maxPerOrganization,
                                @DefaultValue Worker worker) {

    /**
     * The delivery loop: every {@code interval} (when {@code enabled}) it attempts at most {@code batchSize} due
     * deliveries, at most {@code perEndpoint} of them for one endpoint, on {@code parallelism} threads; each is
     * claimed for {@code lease} just before its attempt.
     */
    public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration interval,
                         @DefaultValue("50") int batchSize, @DefaultValue("10") int perEndpoint,
                         @DefaultValue("4") int parallelism, @DefaultValue("1m") Duration lease) {
    }

    /** How many attempts one round of a delivery makes: the first, then one after each wait. */
    public int attemptsPerRound() {
        return retryDelays.size() + 1;
    }
}
