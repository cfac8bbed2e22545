package com.cycube.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The analytics subgraph: learning records and dashboards for organizations, teams, learners and courses, kept
 * current by the other subgraphs' domain events (never by reading their databases).
 */
@SpringBootApplication
@EnableConfigurationProperties(AnalyticsProperties.class)
public class AnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsApplication.class, args);
    }
}
