package com.cycube.support.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each access token once and answers its following requests from memory: a browser sends the same token for
 * minutes, and every request of it would otherwise have its signature and claims checked again. Only what the verifying
 * decoder checks is reused (signature, expiry, issuer, audience); what may change while a token is valid — revoked
 * access, deactivated accounts and organizations ({@link com.cycube.support.access.AccessRevocations}), the audit
 * trail — is still done for every request by whoever uses the {@link Jwt}.
 *
 * <p>A token is remembered by its exact text, only after it verified (a failure is never remembered, so bad tokens
 * cannot fill the cache), and forgotten at its {@code exp} — from then on the verifying decoder alone decides, so an
 * expired token is never served from here — or after {@code maxAge} at the latest, so a signing key withdrawn from the
 * JWKS stops being honoured within that time. A token without {@code exp} is not remembered. At most
 * {@code maxEntries} tokens are held: when full, the expired ones are dropped, and if that is not enough, an
 * arbitrary tenth (the holders of those tokens have them verified again on their next request).
 *
 * <p>Expiry is judged by {@code clock}, which must be the wall clock the verifying decoder judges it by (never the
 * domain clock tests move).
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifier;
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A verified token, to be served until {@code until} (exclusive). */
    private record Verified(Jwt jwt, Instant until) {
    }

    public CachingJwtDecoder(JwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
        this.verifier = verifier;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = token == null ? null : verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        Jwt jwt = verifier.decode(token); // a token that fails here is never remembered
        remember(token, jwt, now);
        return jwt;
    }

    /** How many tokens are remembered now. */
    public int size() {
        return verified.size();
    }

    private void remember(String token, Jwt jwt, Instant verifiedAt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (token == null || expiresAt == null) {
            return;
        }
        Instant until = verifiedAt.plus(maxAge);
        if (expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (!verifiedAt.isBefore(until)) {
            return;
        }
        Verified entry = new Verified(jwt, until);
        synchronized (this) { // only tokens verified just now get here; hits never lock
            if (verified.size() >= maxEntries && !verified.containsKey(token)) {
                makeRoom(verifiedAt);
            }
            verified.put(token, entry);
        }
    }

    /** Drops the expired tokens and, when the cache is still full, an arbitrary tenth of the others. */
    private void makeRoom(Instant now) {
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
        int keep = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<String> tokens = verified.keySet().iterator();
        while (verified.size() > keep && tokens.hasNext()) {
            tokens.next();
            tokens.remove();
        }
    }
}
