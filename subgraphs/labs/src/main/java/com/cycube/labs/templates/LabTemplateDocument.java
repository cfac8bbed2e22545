package com.cycube.labs.templates;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A lab template: platform-wide data (no organization), written by root only. Templates never hold pending
 * events, so replacing one whole on update is safe.
 *
 * @param objectives what a trainee must achieve in a lab of this template (copied into each lab at launch)
 */
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
        Instant updatedAt,
        List<LabObjective> objectives) {

    public LabTemplateDocument {
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
    }

    /** A template without objectives. */
    public LabTemplateDocument(String id, String name, String image, String instanceType, LabProtocol protocol, int port,
                               int defaultLifetimeMinutes, int maxLifetimeMinutes, Instant createdAt, Instant updatedAt) {
        this(id, name, image, instanceType, protocol, port, defaultLifetimeMinutes, maxLifetimeMinutes, createdAt, updatedAt,
                List.of());
    }
}
