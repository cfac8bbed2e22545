package com.cycube.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A subgraph integration test: the real Spring context on a random port, the embedded store,
 * test-signed tokens, demo data off, domain events processed only when the test calls
 * {@code EventProcessing.drain()} (deterministic, no waiting), access revocation off (only token expiry is checked:
 * one test deactivates or demotes a persona the next one needs intact; the mechanism is specified by the support
 * library's {@code LiveAccessTest} and through the router by router/e2e). Speak to it with {@code GraphQlClient.forPort(port)}
 * ({@code @LocalServerPort}) from cycube-test-client.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cycube.demo-data.enabled=false", "spring.main.banner-mode=off",
                "cycube.events.background=false", "cycube.access.revocations.enabled=false",
                "logging.structured.format.console="})
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
@Import(TestSecurityConfiguration.class)
public @interface SubgraphTest {
}
