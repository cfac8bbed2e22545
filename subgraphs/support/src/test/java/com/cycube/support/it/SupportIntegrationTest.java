package com.cycube.support.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The support library wired into {@link SupportTestApplication} on a random port; all tests share one context. Only
 * the test application's own settings are here: the rest are the library's shared defaults, as for every subgraph.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=support-it",
                "spring.main.banner-mode=off",
                "logging.structured.format.console=", // readable lines in test output
                "management.server.port=0", // a port of its own, as in production (ManagementEndpointTest)
                "cycube.limits.max-query-cost=1000", // QueryCostBudgetTest: small enough to reach with a readable query
                "cycube.live.max-subscriptions-per-connection=3", // LiveAccessTest: caps small enough to reach
                "cycube.live.max-subscriptions-per-user=5",
                "logging.level.cycube.audit=WARN" // AuditTrailTest turns it on while it captures
        })
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
@interface SupportIntegrationTest {
}
