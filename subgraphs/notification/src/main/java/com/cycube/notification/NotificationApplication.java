package com.cycube.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The notification subgraph: tells people what happened to them — training assigned, labs running and expired,
 * certificates issued, learners completing assigned courses — in-app and live, as their preferences say. Fed only by
 * the other subgraphs' domain events.
 */
@SpringBootApplication
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationApplication.class, args);
    }
}
