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
import org.springframework.stereotype.Service;

/** Skill tags: global reference data that every reader sees and only root adds. */
@Service
public class SkillService {

    private final SkillStore store;

    public SkillService(SkillStore store) {
        this.store = store;
    }

    public List<SkillDocument> list(Caller caller, SkillFramework framework) {
        CourseAccess.requireReader(caller);
        return store.list(framework);
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
        if (store.exists(framework, skill.code()) || !store.insert(skill)) {
            throw DomainException.conflict("A " + framework + " skill with code " + skill.code() + " already exists");
        }
        return skill;
    }

    public Map<String, SkillDocument> byIds(Collection<String> ids) {
        return store.byIds(ids);
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
