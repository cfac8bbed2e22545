package com.cycube.support.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** How often the test application's decoder verified each token (behind the library's cache of verified tokens). */
class TokenVerifications {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    JwtDecoder counting(JwtDecoder verifier) {
        return token -> {
            counts.computeIfAbsent(token, key -> new AtomicInteger()).incrementAndGet();
            return verifier.decode(token);
        };
    }

    int of(String token) {
        AtomicInteger count = counts.get(token);
        return count == null ? 0 : count.get();
    }
}
