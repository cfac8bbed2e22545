package com.cycube.support;

import com.cycube.support.audit.AuditInstrumentation;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.auth.GraphQlAuthenticationEntryPoint;
import com.cycube.support.auth.SecurityProperties;
import com.cycube.support.context.RequestContextInterceptor;
import com.cycube.support.errors.GraphQlExceptionHandler;
import com.cycube.support.errors.RequestErrorCodeInterceptor;
import com.cycube.support.live.LiveFeeds;
import com.cycube.support.scalars.ScalarsRegistration;
import com.cycube.support.tenancy.TenantScopedMongo;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything a subgraph gets by depending on this library: JWT resource-server security, the
 * request context, error mapping, audit, tenant-scoped MongoDB access, live feeds for subscriptions, scalars and
 * a clock.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SubgraphSupportAutoConfiguration {

    /** Public endpoints: GraphQL itself (fields enforce auth, some are public) and health. */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain subgraphSecurity(HttpSecurity http, JwtDecoder jwtDecoder, AuditLog auditLog, Clock clock,
                                         @Value("${spring.application.name:subgraph}") String service) throws Exception {
        GraphQlAuthenticationEntryPoint entryPoint = new GraphQlAuthenticationEntryPoint(auditLog, service, clock);
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql", "/graphql/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    /** Signature via JWKS, expiry, issuer and audience are all checked. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(tokenValidator(properties));
        return decoder;
    }

    public static OAuth2TokenValidator<Jwt> tokenValidator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())));
    }

    @Bean
    RequestContextInterceptor requestContextInterceptor(JwtDecoder jwtDecoder) {
        return new RequestContextInterceptor(jwtDecoder);
    }

    @Bean
    GraphQlExceptionHandler graphQlExceptionHandler() {
        return new GraphQlExceptionHandler();
    }

    @Bean
    RequestErrorCodeInterceptor requestErrorCodeInterceptor() {
        return new RequestErrorCodeInterceptor();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditLog auditLog() {
        return new AuditLog();
    }

    @Bean
    AuditInstrumentation auditInstrumentation(AuditLog auditLog, Clock clock,
                                              @Value("${spring.application.name:subgraph}") String service) {
        return new AuditInstrumentation(auditLog, service, clock);
    }

    @Bean
    TenantScopedMongo tenantScopedMongo(MongoTemplate mongoTemplate) {
        return new TenantScopedMongo(mongoTemplate);
    }

    @Bean
    LiveFeeds liveFeeds(MongoTemplate mongoTemplate,
                        @Value("${cycube.change-streams.enabled:true}") boolean changeStreamsEnabled) {
        return new LiveFeeds(mongoTemplate, changeStreamsEnabled);
    }

    @Bean
    ScalarsRegistration scalarsRegistration() {
        return new ScalarsRegistration();
    }
}
