package com.cycube.support.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The application's decoder, whichever it is, gets the cache of verified tokens in front of it, unless switched off. */
class TokenCacheInstallerTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Subgraph.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    static class Subgraph {

        @Bean
        static TokenCacheInstaller tokenCacheInstaller(ObjectProvider<SecurityProperties> properties) {
            return new TokenCacheInstaller(properties, Clock.systemUTC());
        }

        /** Stands for the JWKS decoder, or a test's. */
        @Bean
        JwtDecoder jwtDecoder() {
            return token -> {
                throw new BadJwtException("not in this test");
            };
        }
    }

    @Test
    void by_default_the_decoder_remembers_verified_tokens_for_at_most_five_minutes_and_ten_thousand_tokens() {
        context.run(application -> {
            assertThat(application.getBean(JwtDecoder.class)).isInstanceOf(CachingJwtDecoder.class);
            assertThat(application.getBean(SecurityProperties.class).tokenCache())
                    .isEqualTo(new SecurityProperties.TokenCache(true, 10_000, Duration.ofMinutes(5)));
        });
    }

    @Test
    void the_cache_is_sized_by_its_properties() {
        context.withPropertyValues("cycube.security.token-cache.max-entries=500", "cycube.security.token-cache.max-age=1m")
                .run(application -> assertThat(application.getBean(SecurityProperties.class).tokenCache())
                        .isEqualTo(new SecurityProperties.TokenCache(true, 500, Duration.ofMinutes(1))));
    }

    @Test
    void switched_off_every_request_has_its_token_verified_again() {
        context.withPropertyValues("cycube.security.token-cache.enabled=false")
                .run(application -> assertThat(application.getBean(JwtDecoder.class))
                        .isNotInstanceOf(CachingJwtDecoder.class));
    }

    @Test
    void a_cache_sized_to_nothing_stops_the_start() {
        context.withPropertyValues("cycube.security.token-cache.max-entries=0")
                .run(application -> assertThat(application).getFailure().rootCause()
                        .hasMessageContaining("maxEntries must be at least 1"));
    }
}
