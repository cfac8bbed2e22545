package com.cycube.labs.templates;

import com.cycube.support.errors.DomainException;
import java.util.regex.Pattern;

/** What a valid lab template is (pure; unit-tested). Every violation is BAD_USER_INPUT. */
public final class LabTemplateRules {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    static final Pattern AMI = Pattern.compile("ami-([0-9a-f]{8}|[0-9a-f]{17})");
    static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");
    public static final int MIN_LIFETIME_MINUTES = 5;
    public static final int MAX_LIFETIME_MINUTES = 24 * 60;
    public static final int MAX_OBJECTIVES = 20;
    static final Pattern OBJECTIVE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private LabTemplateRules() {
    }

    public static void validate(LabTemplateDocument template) {
        if (template.id() == null || !ID.matcher(template.id()).matches()) {
            throw DomainException.badInput("id must be 2 to 63 lower-case letters, digits or dashes");
        }
        if (template.name() == null || template.name().isBlank() || template.name().length() > 100) {
            throw DomainException.badInput("name must be 1 to 100 characters");
        }
        if (template.image() == null || !AMI.matcher(template.image()).matches()) {
            throw DomainException.badInput("image must be an AMI id such as ami-0a1b2c3d4e5f60718");
        }
        if (template.instanceType() == null || !INSTANCE_TYPE.matcher(template.instanceType()).matches()) {
            throw DomainException.badInput("instanceType must be an EC2 instance type such as t3.medium");
        }
        if (template.protocol() == null) {
            throw DomainException.badInput("protocol is required");
        }
        if (template.port() < 1 || template.port() > 65535) {
            throw DomainException.badInput("port must be between 1 and 65535");
        }
        if (template.maxLifetimeMinutes() < MIN_LIFETIME_MINUTES || template.maxLifetimeMinutes() > MAX_LIFETIME_MINUTES) {
            throw DomainException.badInput("maxLifetimeMinutes must be between " + MIN_LIFETIME_MINUTES + " and " + MAX_LIFETIME_MINUTES);
        }
        if (template.defaultLifetimeMinutes() < MIN_LIFETIME_MINUTES
                || template.defaultLifetimeMinutes() > template.maxLifetimeMinutes()) {
            throw DomainException.badInput("defaultLifetimeMinutes must be between " + MIN_LIFETIME_MINUTES + " and maxLifetimeMinutes");
        }
        validateObjectives(template.objectives());
    }

    static void validateObjectives(java.util.List<LabObjective> objectives) {
        if (objectives.size() > MAX_OBJECTIVES) {
            throw DomainException.badInput("A template has at most " + MAX_OBJECTIVES + " objectives");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (LabObjective objective : objectives) {
            if (objective == null || objective.id() == null || !OBJECTIVE_ID.matcher(objective.id()).matches()) {
                throw DomainException.badInput("objective ids must be 1 to 63 lower-case letters, digits or dashes");
            }
            if (!ids.add(objective.id())) {
                throw DomainException.badInput("objective " + objective.id() + " appears twice");
            }
            if (objective.description() == null || objective.description().isBlank() || objective.description().length() > 300) {
                throw DomainException.badInput("an objective's description must be 1 to 300 characters");
            }
        }
    }
}
