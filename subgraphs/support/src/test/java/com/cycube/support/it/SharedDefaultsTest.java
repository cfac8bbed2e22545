package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The test application, like every subgraph, declares only its own settings ({@link SupportIntegrationTest}): the
 * rest comes from the support library's {@code cycube-subgraph-defaults.yaml}.
 */
@SupportIntegrationTest
class SharedDefaultsTest {

    @Autowired
    Environment environment;

    @Test
    void the_application_sees_the_shared_defaults_it_does_not_set_itself() {
        assertThat(environment.getProperty("spring.graphql.websocket.path")).isEqualTo("/graphql");
        assertThat(environment.getProperty("server.tomcat.max-keep-alive-requests")).isEqualTo("-1");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("none");
        assertThat(environment.getProperty("dgs.graphql.graphiql.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("cycube.security.issuer-uri")).isEqualTo("http://localhost:8180/realms/cycube");
        assertThat(environment.getProperty("cycube.security.audience")).isEqualTo("cycube-api");
        assertThat(environment.getProperty("cycube.security.token-cache.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("cycube.security.token-cache.max-age")).isEqualTo("5m");
        assertThat(environment.getProperty("cycube.demo-data.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("cycube.change-streams.enabled")).isEqualTo("true");
    }

    @Test
    void the_applications_own_settings_override_the_shared_defaults() {
        // the default would be mongodb://localhost:27018/cycube-support-it; the test's embedded store wins
        assertThat(environment.getProperty("spring.mongodb.uri")).startsWith("mongodb://127.0.0.1:").endsWith("/support-it");
        assertThat(environment.getProperty("spring.application.name")).isEqualTo("support-it");
    }
}
