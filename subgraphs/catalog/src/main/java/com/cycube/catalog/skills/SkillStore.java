package com.cycube.catalog.skills;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads and writes skill tags ({@code skills}). Skills are global reference data, not tenant-owned, so plain
 * {@link MongoTemplate} is right here. (framework, code) is unique (see {@code CatalogIndexes}).
 */
@Component
public class SkillStore {

    private static final Sort ORDER = Sort.by("framework", "code");

    private final MongoTemplate mongo;

    public SkillStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every skill, or those of {@code framework}, ordered by framework and code. */
    public List<SkillDocument> list(SkillFramework framework) {
        Query query = framework == null ? new Query() : Query.query(Criteria.where("framework").is(framework));
        return mongo.find(query.with(ORDER), SkillDocument.class);
    }

    public boolean exists(SkillFramework framework, String code) {
        return mongo.exists(Query.query(Criteria.where("framework").is(framework).and("code").is(code)), SkillDocument.class);
    }

    /** Inserts {@code skill}; false when its (framework, code) was taken meanwhile. */
    public boolean insert(SkillDocument skill) {
        try {
            mongo.insert(skill);
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    public Map<String, SkillDocument> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), SkillDocument.class).stream()
                .collect(Collectors.toMap(SkillDocument::id, Function.identity()));
    }
}
