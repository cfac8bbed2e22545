package com.cycube.labs.templates;

import java.util.List;

/**
 * The input of {@code createLabTemplate} (every field but {@code objectives} required) and of
 * {@code updateLabTemplate} (only {@code id} required; null fields stay unchanged).
 *
 * @param objectives the {@code LabObjectiveInput}s, in order
 */
public record LabTemplateInput(String id, String name, String image, String instanceType, LabProtocol protocol,
                               Integer port, Integer defaultLifetimeMinutes, Integer maxLifetimeMinutes,
                               List<LabObjective> objectives) {
}
