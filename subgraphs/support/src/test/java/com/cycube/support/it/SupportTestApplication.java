package com.cycube.support.it;

import com.cycube.support.SubgraphSupportAutoConfiguration;
import com.cycube.support.auth.SecurityProperties;
import com.cycube.testclient.TestTokens;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A minimal subgraph built on the support library, used only by its integration tests: the schema
 * in {@code src/test/resources/schema/test.graphqls}, the fields in {@link TestDataFetchers}, and a
 * decoder trusting {@link TestTokens}' key with the production validators (each verification counted in
 * {@link TokenVerifications}; the library puts its cache of verified tokens in front of it, as of the JWKS one).
 */
@SpringBootApplication
public class SupportTestApplication {

    @Bean
    TokenVerifications tokenVerifications() {
        return new TokenVerifications();
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, TokenVerifications verifications) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestTokens.publicKey()).build();
        decoder.setJwtValidator(SubgraphSupportAutoConfiguration.tokenValidator(properties));
        return verifications.counting(decoder);
    }
}
