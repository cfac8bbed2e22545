package com.cycube.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration every subgraph shares ({@value #RESOURCE}): GraphQL over WebSocket, Tomcat and error settings,
 * health probes, token issuer and audience, the database named after the service, demo data off, change streams on.
 * Added with the lowest precedence, so a subgraph's own {@code application.yaml}, profiles, environment variables and
 * test properties all override it; a subgraph's file then holds only what is its own (name, port, its settings).
 */
public class SubgraphDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "cycube-subgraph-defaults.yaml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(RESOURCE)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shared subgraph defaults " + RESOURCE, e);
        }
    }
}
