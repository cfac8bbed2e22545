package com.cycube.labs.templates;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads and writes of {@code lab_templates}. Templates are platform-wide data with no organization (not
 * {@code TenantOwned}), so this store uses {@link MongoTemplate} directly; {@link LabTemplateService} decides who may
 * read and write them.
 */
@Component
public class LabTemplateStore {

    private final MongoTemplate mongo;

    public LabTemplateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every template, ordered by name. */
    public List<LabTemplateDocument> findAll() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), LabTemplateDocument.class);
    }

    public Optional<LabTemplateDocument> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, LabTemplateDocument.class));
    }

    public Map<String, LabTemplateDocument> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), LabTemplateDocument.class).stream()
                .collect(Collectors.toMap(LabTemplateDocument::id, Function.identity()));
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the id is taken */
    public LabTemplateDocument insert(LabTemplateDocument template) {
        return mongo.insert(template);
    }

    /**
     * Replaces the whole template: fine here, templates never hold pending events ({@code _outbox}) or applied event
     * ids.
     */
    public LabTemplateDocument replace(LabTemplateDocument template) {
        return mongo.save(template);
    }
}
