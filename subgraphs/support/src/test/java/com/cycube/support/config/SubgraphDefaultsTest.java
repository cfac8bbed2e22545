package com.cycube.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

class SubgraphDefaultsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    @Test
    void the_defaults_come_last_so_every_setting_of_the_subgraph_overrides_them() {
        environment.getPropertySources().addFirst(new MapPropertySource("application.yaml", Map.of(
                "spring.application.name", "labs",
                "server.tomcat.max-keep-alive-requests", "200")));

        new SubgraphDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second))
                .map(PropertySource::getName).hasValue(SubgraphDefaults.RESOURCE);
        assertThat(environment.getProperty("server.tomcat.max-keep-alive-requests")).isEqualTo("200");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(environment.getProperty("spring.mongodb.uri"))
                .as("the database is named after the service").isEqualTo("mongodb://localhost:27018/cycube-labs");
    }

    @Test
    void the_defaults_are_added_once_however_often_the_environment_is_post_processed() {
        new SubgraphDefaults().postProcessEnvironment(environment, new SpringApplication());
        new SubgraphDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream().map(PropertySource::getName))
                .containsOnlyOnce(SubgraphDefaults.RESOURCE);
    }
}
