package com.cycube.labs.templates;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Lab templates: platform-wide data that everyone signed in reads and only root writes. */
@Service
public class LabTemplateService {

    private final LabTemplateStore store;
    private final Clock clock;

    public LabTemplateService(LabTemplateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<LabTemplateDocument> list(Caller caller) {
        caller.requireAuthenticated();
        return store.findAll();
    }

    public Optional<LabTemplateDocument> get(Caller caller, String id) {
        caller.requireAuthenticated();
        return find(id);
    }

    /** For the platform's own use (launching, provisioning): no caller. */
    public Optional<LabTemplateDocument> find(String id) {
        return store.find(id);
    }

    public LabTemplateDocument create(Caller caller, LabTemplateInput input) {
        caller.require(Role.ROOT, null);
        Instant now = clock.instant();
        LabTemplateDocument template = new LabTemplateDocument(input.id(), trim(input.name()), input.image(),
                input.instanceType(), input.protocol(), or(input.port(), 0), or(input.defaultLifetimeMinutes(), 0),
                or(input.maxLifetimeMinutes(), 0), now, now, objectives(input.objectives(), List.of()));
        LabTemplateRules.validate(template);
        try {
            return store.insert(template);
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict("A lab template with id " + template.id() + " already exists");
        }
    }

    public LabTemplateDocument update(Caller caller, LabTemplateInput input) {
        caller.require(Role.ROOT, null);
        LabTemplateDocument old = find(input.id()).orElseThrow(() -> DomainException.notFound("LabTemplate", input.id()));
        LabTemplateDocument changed = new LabTemplateDocument(old.id(),
                input.name() != null ? trim(input.name()) : old.name(),
                or(input.image(), old.image()),
                or(input.instanceType(), old.instanceType()),
                or(input.protocol(), old.protocol()),
                or(input.port(), old.port()),
                or(input.defaultLifetimeMinutes(), old.defaultLifetimeMinutes()),
                or(input.maxLifetimeMinutes(), old.maxLifetimeMinutes()),
                old.createdAt(), clock.instant(),
                objectives(input.objectives(), old.objectives()));
        LabTemplateRules.validate(changed);
        return store.replace(changed);
    }

    /** The given objectives, trimmed (running labs keep the objectives they were launched with); else {@code unchanged}. */
    private static List<LabObjective> objectives(List<LabObjective> given, List<LabObjective> unchanged) {
        if (given == null) {
            return unchanged;
        }
        return given.stream().map(objective -> objective == null ? null
                : new LabObjective(strip(objective.id()), strip(objective.description()))).toList();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
