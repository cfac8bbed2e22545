package com.cycube.support.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one rule for secrets a subgraph cannot run without (certificate signing key, webhook encryption key, unsubscribe
 * link key): production must set them; only the local stack and developers' runs ({@code cycube.dev-mode=true}, env
 * {@code CYCUBE_DEV_MODE}) may go without one, and then use a published development value with a warning. Anywhere
 * else a missing secret, or the published one, stops the start with a message that names the variable to set.
 */
public final class DevelopmentSecrets {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSecrets.class);

    private DevelopmentSecrets() {
    }

    /**
     * {@code configured} when it is set and not the published {@code developmentValue}; otherwise the development
     * value in dev mode (warning) or an {@link IllegalStateException} naming {@code variable}.
     *
     * @param what how the secret is called in messages, e.g. "certificate signing key"
     * @param how  what a good value is, e.g. "a secret of at least 32 characters"
     */
    public static String require(String configured, String developmentValue, boolean devMode, String what,
                                 String variable, String how) {
        boolean missing = configured == null || configured.isBlank();
        boolean published = developmentValue.equals(configured);
        if (!missing && !published) {
            return configured;
        }
        if (!devMode) {
            throw new IllegalStateException("No " + what + ": set " + variable + " to " + how + " ("
                    + (missing ? "it is not set" : "it is the public development key") + "). Only the local stack "
                    + "(cycube.dev-mode=true, env CYCUBE_DEV_MODE) uses the public development value.");
        }
        log.warn("The {} is the public development value (cycube.dev-mode=true): set {} outside a laptop", what, variable);
        return developmentValue;
    }
}
