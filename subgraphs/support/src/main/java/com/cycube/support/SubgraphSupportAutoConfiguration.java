package com.cycube.support;

import com.cycube.support.access.AccessRevocations;
import com.cycube.support.access.AccessStatusHandler;
import com.cycube.support.access.LiveAccess;
import com.cycube.support.access.LiveAccessInstrumentation;
import com.cycube.support.audit.AuditInstrumentation;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.auth.GraphQlAuthenticationEntryPoint;
import com.cycube.support.auth.SecurityProperties;
import com.cycube.support.auth.TokenCacheInstaller;
import com.cycube.support.changes.LocalWritesListener;
import com.cycube.support.context.ClientAddresses;
import com.cycube.support.context.LogContextFilter;
import com.cycube.support.context.RequestContextInterceptor;
import com.cycube.support.errors.GraphQlExceptionHandler;
import com.cycube.support.errors.RequestErrorCodeInterceptor;
import com.cycube.support.errors.SubscriptionErrors;
import com.cycube.support.events.EventTracing;
import com.cycube.support.limits.QueryCostInstrumentation;
import com.cycube.support.live.LiveFeeds;
import com.cycube.support.metrics.GraphQlMetricsInstrumentation;
import com.cycube.support.scalars.ScalarsRegistration;
import com.cycube.support.tenancy.TenantScopedMongo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.observability.ContextProviderFactory;
import org.springframework.data.mongodb.observability.MongoObservationCommandListener;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;
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
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Everything a subgraph gets by depending on this library: JWT resource-server security, the
 * request context, error mapping, audit, the query cost budget, tenant-scoped MongoDB access, live feeds for subscriptions, scalars and
 * a clock.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SubgraphSupportAutoConfiguration {

    /**
     * Public endpoints: GraphQL itself (fields enforce auth, some are public), health, and the subgraph's own
     * {@code cycube.security.public-paths}; everything else is refused.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain subgraphSecurity(HttpSecurity http, JwtDecoder jwtDecoder, AuditLog auditLog, Clock clock,
                                         SecurityProperties properties, ClientAddresses clientAddresses,
                                         @Value("${spring.application.name:subgraph}") String service) throws Exception {
        GraphQlAuthenticationEntryPoint entryPoint = new GraphQlAuthenticationEntryPoint(auditLog, service, clock,
                clientAddresses);
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/graphql", "/graphql/**").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(jwtDecoder))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .addFilterAfter(new LogContextFilter(), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * Signature via JWKS, expiry, issuer and audience are all checked — once per token: {@link #tokenCacheInstaller}
     * puts the cache of verified tokens in front of this decoder (or of a test's).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(tokenValidator(properties));
        return decoder;
    }

    /**
     * Reuses a token's verification for its following requests ({@code CachingJwtDecoder},
     * {@code cycube.security.token-cache.*}); expiry by the wall clock, as the decoder's validators judge it.
     */
    @Bean
    static TokenCacheInstaller tokenCacheInstaller(ObjectProvider<SecurityProperties> properties) {
        return new TokenCacheInstaller(properties, Clock.systemUTC());
    }

    public static OAuth2TokenValidator<Jwt> tokenValidator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(properties.audience())));
    }

    /** Which address a request came from: the connection's, or X-Forwarded-For's from a trusted proxy (the router). */
    @Bean
    ClientAddresses clientAddresses(SecurityProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }

    @Bean
    RequestContextInterceptor requestContextInterceptor(JwtDecoder jwtDecoder, AccessRevocations revocations,
                                                        AuditLog auditLog, ClientAddresses clientAddresses) {
        return new RequestContextInterceptor(jwtDecoder, revocations, auditLog, clientAddresses);
    }

    /** This subgraph's copy of who lost access, from identity's events (see {@code AccessStatusHandler}). */
    @Bean
    @ConditionalOnProperty(name = "cycube.access.revocations.enabled", havingValue = "true", matchIfMissing = true)
    AccessStatusHandler accessStatusHandler(MongoTemplate mongo, @Value("${spring.application.name:subgraph}") String service) {
        return new AccessStatusHandler(mongo, service, Clock.systemUTC());
    }

    @Bean
    AccessRevocations accessRevocations(MongoTemplate mongo,
                                        @Value("${cycube.access.refresh-interval}") Duration interval,
                                        @Value("${cycube.access.revocations.enabled:true}") boolean enabled) {
        // token expiry and the refresh watermark are wall-clock matters, never the domain clock (tests move that one)
        return new AccessRevocations(mongo, Clock.systemUTC(), interval, enabled);
    }

    @Bean
    LiveAccess liveAccess(AccessRevocations revocations,
                          @Value("${cycube.live.max-subscriptions-per-connection}") int perConnection,
                          @Value("${cycube.live.max-subscriptions-per-user}") int perUser) {
        return new LiveAccess(revocations, Clock.systemUTC(), perConnection, perUser);
    }

    /** Refuses callers whose access was revoked and ends their live streams (see {@code LiveAccess}). */
    @Bean
    LiveAccessInstrumentation liveAccessInstrumentation(AccessRevocations revocations, LiveAccess liveAccess) {
        return new LiveAccessInstrumentation(revocations, liveAccess);
    }

    /** Requests, errors by code and latency per operation, for Prometheus. */
    @Bean
    GraphQlMetricsInstrumentation graphQlMetricsInstrumentation(MeterRegistry registry) {
        return new GraphQlMetricsInstrumentation(registry);
    }

    /** The GraphQL request, its data fetchers and DataLoader batches as spans (operation name, never variables). */
    @Bean
    @ConditionalOnMissingBean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObservationRegistry observations) {
        return new GraphQlObservationInstrumentation(observations);
    }

    /** MongoDB commands as spans (children of the request's or the event's span) and timings. */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoObservation(ObservationRegistry observations) {
        return settings -> settings.addCommandListener(new MongoObservationCommandListener(observations))
                .contextProvider(ContextProviderFactory.create(observations));
    }

    /**
     * Wakes this application's change-stream followers (live feeds, event consumers) as soon as its own write to their
     * collection succeeded, instead of at their next poll (see {@code LocalWrites}).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer localWriteNudges() {
        return settings -> settings.addCommandListener(new LocalWritesListener());
    }

    /** Hands the tracer to the events mechanism, so relays and consumers continue the producer's trace. */
    @Bean
    SmartInitializingSingleton eventTracingInstaller(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return () -> {
            Tracer available = tracer.getIfAvailable();
            Propagator extractor = propagator.getIfAvailable();
            if (available != null && extractor != null) {
                EventTracing.install(available, extractor);
            }
        };
    }

    /** Live streams open on this instance. */
    @Bean
    MeterBinder liveSubscriptionsMetrics(LiveAccess liveAccess) {
        return registry -> registry.gauge("cycube.live.subscriptions", liveAccess, LiveAccess::open);
    }

    /** Maps the error a live stream ends with, like a field's. */
    @Bean
    SubscriptionErrors subscriptionErrors() {
        return new SubscriptionErrors();
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

    /** Audit records as log lines and, durably, through this subgraph's outbox (ADR 22; off: log lines only). */
    @Bean
    AuditLog auditLog(ObjectProvider<MongoTemplate> mongo, Clock clock,
                      @Value("${spring.application.name:subgraph}") String service,
                      @Value("${cycube.audit.durable:true}") boolean durable) {
        return new AuditLog(durable ? mongo.getIfAvailable() : null, service, clock);
    }

    @Bean
    AuditInstrumentation auditInstrumentation(AuditLog auditLog, Clock clock,
                                              @Value("${spring.application.name:subgraph}") String service) {
        return new AuditInstrumentation(auditLog, service, clock);
    }

    /** Refuses operations over {@code cycube.limits.max-query-cost} before they run (see {@code QueryCost}). */
    @Bean
    QueryCostInstrumentation queryCostInstrumentation(@Value("${cycube.limits.max-query-cost}") long maxQueryCost) {
        return new QueryCostInstrumentation(maxQueryCost);
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
