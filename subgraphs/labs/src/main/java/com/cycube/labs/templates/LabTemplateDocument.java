package com.cycube.labs.templates;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A lab template: platform-wide data (no organization), written by root only. */
@Document("lab_templates")
public record LabTemplateDocument(
        @Id String id,
        String name,
        String image,
        String instanceType,
        LabProtocol protocol,
        int port,
        int defaultLifetimeMinutes,
        int maxLifetimeMinutes,
        Instant createdAt,
        Instant updatedAt) {
}
