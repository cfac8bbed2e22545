package com.cycube.testing;

import com.cycube.support.SubgraphSupportAutoConfiguration;
import com.cycube.support.auth.SecurityProperties;
import com.cycube.testclient.TestTokens;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Replaces the JWKS-backed decoder with one trusting {@link TestTokens}' key; validators unchanged. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

    @Bean
    @Primary
    JwtDecoder testJwtDecoder() {
        return decoder();
    }

    /** A decoder that accepts {@link TestTokens}' tokens with the production validators (issuer, audience, expiry). */
    public static JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
        decoder.setJwtValidator(SubgraphSupportAutoConfiguration.tokenValidator(
                new SecurityProperties(TestTokens.ISSUER, null, TestTokens.AUDIENCE)));
        return decoder;
    }
}
