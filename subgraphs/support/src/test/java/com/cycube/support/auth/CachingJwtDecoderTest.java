package com.cycube.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.SubgraphSupportAutoConfiguration;
import com.cycube.testclient.MutableClock;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A token's signature and claims are verified once and reused until it expires or the maximum age passes; failures
 * are never remembered, and the cache stays within its size.
 */
class CachingJwtDecoderTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    /** The wall clock of both the cache and the verifier's expiry check, moved by hand. */
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    /** Signature and claim checks the verifier made. */
    private final AtomicInteger verifications = new AtomicInteger();
    /** Stands for a signing key removed from the JWKS after a rotation or compromise. */
    private volatile boolean keyWithdrawn;
    private final JwtDecoder verifier = countingVerifier();

    @Test
    void the_same_token_decoded_twice_has_its_signature_verified_once() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 100, AN_HOUR, clock);
        String token = TestTokens.tokenFor(Persona.ACME_MANAGER);

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second.getSubject()).isEqualTo(Persona.ACME_MANAGER.subject()).isEqualTo(first.getSubject());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void an_expired_token_is_refused_even_though_it_was_verified_before() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 100, AN_HOUR, clock);
        Instant expiry = clock.instant().plus(Duration.ofMinutes(5));
        String token = tokenExpiringAt(expiry);
        decoder.decode(token);

        clock.advance(Duration.ofMinutes(5)); // at its exp the cache no longer answers: the verifier decides
        decoder.decode(token); // (it allows a minute of clock skew, as it always did)
        assertThat(verifications).hasValue(2);

        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void a_withdrawn_signing_key_takes_effect_once_the_maximum_age_passed() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 100, Duration.ofMinutes(5), clock);
        String token = TestTokens.tokenFor(Persona.ACME_MANAGER, Map.of("exp", Date.from(clock.instant().plus(AN_HOUR))));
        decoder.decode(token);

        keyWithdrawn = true;
        clock.advance(Duration.ofMinutes(4));
        assertThat(decoder.decode(token).getSubject()).as("within the maximum age").isEqualTo(Persona.ACME_MANAGER.subject());

        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void a_token_that_fails_verification_is_never_remembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 100, AN_HOUR, clock);
        String forged = TestTokens.forgedTokenFor(Persona.ACME_MANAGER);
        String foreign = TestTokens.tokenWithWrongAudienceFor(Persona.ACME_MANAGER);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(JwtException.class);
        }

        assertThat(verifications).hasValue(4);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void a_token_without_an_expiry_is_verified_every_time() {
        AtomicInteger calls = new AtomicInteger();
        JwtDecoder noExpiry = token -> {
            calls.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone").build();
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(noExpiry, 100, AN_HOUR, clock);

        decoder.decode("a.b.c");
        decoder.decode("a.b.c");

        assertThat(calls).hasValue(2);
        assertThat(decoder.size()).isZero();
    }

    @Test
    void the_cache_never_holds_more_than_its_maximum_number_of_tokens() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 10, AN_HOUR, clock);

        for (int person = 0; person < 35; person++) {
            String token = TestTokens.tokenFor(Persona.ACME_TRAINEE);
            assertThat(decoder.decode(token).getTokenValue()).isEqualTo(token);
            assertThat(decoder.size()).isLessThanOrEqualTo(10);
        }
        String latest = TestTokens.tokenFor(Persona.ACME_TRAINEE);
        decoder.decode(latest);
        int before = verifications.get();
        decoder.decode(latest);
        assertThat(verifications).as("the latest token is still served from the cache").hasValue(before);
    }

    @Test
    void a_full_cache_drops_expired_tokens_before_valid_ones() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 2, AN_HOUR, clock);
        decoder.decode(tokenExpiringAt(clock.instant().plus(Duration.ofMinutes(1))));
        String lasting = tokenExpiringAt(clock.instant().plus(Duration.ofMinutes(30)));
        decoder.decode(lasting);
        clock.advance(Duration.ofMinutes(2));

        decoder.decode(TestTokens.tokenFor(Persona.ACME_MANAGER, Map.of("exp", Date.from(clock.instant().plus(AN_HOUR)))));
        int before = verifications.get();
        decoder.decode(lasting);

        assertThat(verifications).as("the lasting token was kept").hasValue(before);
        assertThat(decoder.size()).isEqualTo(2);
    }

    private String tokenExpiringAt(Instant expiry) {
        return TestTokens.tokenFor(Persona.ACME_MANAGER, Map.of("exp", Date.from(expiry)));
    }

    /**
     * The production validators (issuer, audience, expiry by the system clock) plus expiry by {@link #clock}, over the
     * test key, counting each verification.
     */
    private JwtDecoder countingVerifier() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setClock(clock);
        nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                SubgraphSupportAutoConfiguration.tokenValidator(new SecurityProperties(TestTokens.ISSUER, null, TestTokens.AUDIENCE)),
                expiry));
        return token -> {
            verifications.incrementAndGet();
            if (keyWithdrawn) {
                throw new BadJwtException("Signed by a key no longer in the JWKS");
            }
            return nimbus.decode(token);
        };
    }
}
