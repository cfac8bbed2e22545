package com.cycube.labs.quotas;

/** The schema's {@code LabQuota}. */
public record LabQuota(String organizationId, int maxConcurrentLabs, int activeLabs, boolean isDefault) {
}
