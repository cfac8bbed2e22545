package com.cycube.support.auth;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Puts a {@link CachingJwtDecoder} in front of the application's {@link JwtDecoder} bean, whichever it is — the JWKS
 * decoder of support's auto-configuration, or a test's decoder trusting a test key — so the security filter chain
 * (HTTP) and {@code connection_init} (WebSocket) share one cache, and tests run the path production runs. Off with
 * {@code cycube.security.token-cache.enabled=false}. A decoder bean must therefore be injected as {@link JwtDecoder},
 * not as its own class.
 */
public final class TokenCacheInstaller implements BeanPostProcessor {

    private final ObjectProvider<SecurityProperties> properties;
    private final Clock clock;

    /** {@code clock}: the wall clock the decoders judge expiry by. */
    public TokenCacheInstaller(ObjectProvider<SecurityProperties> properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof JwtDecoder decoder) || bean instanceof CachingJwtDecoder) {
            return bean;
        }
        SecurityProperties.TokenCache cache = properties.getObject().tokenCache();
        return cache.enabled() ? new CachingJwtDecoder(decoder, cache.maxEntries(), cache.maxAge(), clock) : bean;
    }
}
