package com.cycube.audit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The audit subgraph: the durable, tamper-evident audit trail of the platform. Every subgraph's audit records arrive
 * as {@code audit.Recorded} events and are stored once, append-only, hash-chained per organization, with signed
 * checkpoints (ADR 22); root, managers and integration clients with {@code audit:read} query, export and verify them,
 * and patterns that need a person's attention become security alerts.
 */
@SpringBootApplication
@EnableConfigurationProperties(AuditProperties.class)
public class AuditApplication {

    public static void main(String[] args) {
        SpringApplication.run(AuditApplication.class, args);
    }
}
