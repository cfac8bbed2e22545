package com.cycube.catalog.skills;

import com.cycube.catalog.courses.CourseAccess;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Skill tags. Skills are global reference data (not tenant-owned, so plain {@link MongoTemplate} is right
 * here): every reader sees them all, only root adds them.
 */
@Service
public class SkillService {

    private static final Sort ORDER = Sort.by("framework", "code");

    private final MongoTemplate mongo;

    public SkillService(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<SkillDocument> list(Caller caller, SkillFramework framework) {
        CourseAccess.requireReader(caller);
        Query query = framework == null ? new Query() : Query.query(Criteria.where("framework").is(framework));
        return mongo.find(query.with(ORDER), SkillDocument.class);
    }

    public SkillDocument create(Caller caller, SkillFramework framework, String code, String name) {
        caller.require(Role.ROOT, null);
        if (framework == null) {
            throw DomainException.badInput("framework is required");
        }
        if (code == null || code.isBlank() || code.strip().length() > 40) {
            throw DomainException.badInput("code must be 1 to 40 characters");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw DomainException.badInput("name must be 1 to 200 characters");
        }
        SkillDocument skill = new SkillDocument(UUID.randomUUID().toString(), framework, code.strip(), name.strip());
        if (mongo.exists(Query.query(Criteria.where("framework").is(framework).and("code").is(skill.code())), SkillDocument.class)) {
            throw DomainException.conflict("A " + framework + " skill with code " + skill.code() + " already exists");
        }
        try {
            return mongo.insert(skill);
        } catch (DuplicateKeyException raced) {
            throw DomainException.conflict("A " + framework + " skill with code " + skill.code() + " already exists");
        }
    }

    public Map<String, SkillDocument> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), SkillDocument.class).stream()
                .collect(Collectors.toMap(SkillDocument::id, Function.identity()));
    }

    /** BAD_USER_INPUT unless every id names an existing skill; returns them de-duplicated, in order. */
    public List<String> requireExisting(List<String> skillIds) {
        if (skillIds == null || skillIds.isEmpty()) {
            return List.of();
        }
        List<String> distinct = skillIds.stream().distinct().toList();
        Set<String> missing = new HashSet<>(distinct);
        missing.removeAll(byIds(distinct).keySet());
        if (!missing.isEmpty()) {
            throw DomainException.badInput("Unknown skill id(s): " + String.join(", ", missing.stream().sorted().toList()));
        }
        return distinct;
    }
}
