package com.cycube.labs.templates;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.input.Inputs;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Lab templates. They are platform-wide data with no organization (not {@code TenantOwned}): everyone signed in
 * reads them and only root writes them, so this service uses {@link MongoTemplate} directly.
 */
@Service
public class LabTemplateService {

    private final MongoTemplate mongo;
    private final Clock clock;

    public LabTemplateService(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public List<LabTemplateDocument> list(Caller caller) {
        caller.requireAuthenticated();
        return mongo.find(new Query().with(Sort.by("name", "_id")), LabTemplateDocument.class);
    }

    public Optional<LabTemplateDocument> get(Caller caller, String id) {
        caller.requireAuthenticated();
        return find(id);
    }

    /** For the platform's own use (launching, provisioning): no caller. */
    public Optional<LabTemplateDocument> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, LabTemplateDocument.class));
    }

    public Map<String, LabTemplateDocument> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), LabTemplateDocument.class).stream()
                .collect(Collectors.toMap(LabTemplateDocument::id, Function.identity()));
    }

    public LabTemplateDocument create(Caller caller, Inputs in) {
        caller.require(Role.ROOT, null);
        Instant now = clock.instant();
        LabTemplateDocument template = new LabTemplateDocument(in.string("id"), trim(in.string("name")), in.string("image"),
                in.string("instanceType"), in.enumValue("protocol", LabProtocol.class), intOr(in, "port", 0),
                intOr(in, "defaultLifetimeMinutes", 0), intOr(in, "maxLifetimeMinutes", 0), now, now,
                in.has("objectives") ? objectives(in) : List.of());
        LabTemplateRules.validate(template);
        try {
            return mongo.insert(template);
        } catch (DuplicateKeyException taken) {
            throw DomainException.conflict("A lab template with id " + template.id() + " already exists");
        }
    }

    public LabTemplateDocument update(Caller caller, Inputs in) {
        caller.require(Role.ROOT, null);
        String id = in.string("id");
        LabTemplateDocument old = find(id).orElseThrow(() -> DomainException.notFound("LabTemplate", id));
        LabTemplateDocument changed = new LabTemplateDocument(old.id(),
                in.has("name") ? trim(in.string("name")) : old.name(),
                in.has("image") ? in.string("image") : old.image(),
                in.has("instanceType") ? in.string("instanceType") : old.instanceType(),
                in.has("protocol") ? in.enumValue("protocol", LabProtocol.class) : old.protocol(),
                intOr(in, "port", old.port()),
                intOr(in, "defaultLifetimeMinutes", old.defaultLifetimeMinutes()),
                intOr(in, "maxLifetimeMinutes", old.maxLifetimeMinutes()),
                old.createdAt(), clock.instant(),
                in.has("objectives") ? objectives(in) : old.objectives());
        LabTemplateRules.validate(changed);
        // a whole-document save is fine here: templates never hold pending events (_outbox) or applied event ids
        return mongo.save(changed);
    }

    /** {@code objectives: [{id, description}]}; running labs keep the objectives they were launched with. */
    private static List<LabObjective> objectives(Inputs in) {
        Object raw = in.values().get("objectives");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw DomainException.badInput("objectives must be a list");
        }
        return list.stream().map(item -> {
            if (!(item instanceof Map<?, ?> map)) {
                throw DomainException.badInput("each objective needs an id and a description");
            }
            Object id = map.get("id");
            Object description = map.get("description");
            return new LabObjective(id == null ? null : id.toString().strip(),
                    description == null ? null : description.toString().strip());
        }).toList();
    }

    private static int intOr(Inputs in, String name, int fallback) {
        Integer value = in.integer(name);
        return value == null ? fallback : value;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
