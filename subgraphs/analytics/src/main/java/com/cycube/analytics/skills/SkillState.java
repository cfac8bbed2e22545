package com.cycube.analytics.skills;

import com.cycube.analytics.readmodel.Merge;
import java.util.List;

/**
 * A learner's skills: those covered by the courses they completed (as each course taught them when it was completed)
 * and those required of them by the learning paths assigned to them (as the path and its courses stood when
 * assigned).
 */
public record SkillState(String organizationId, String userId, List<String> covered, List<String> required) {

    public SkillState {
        covered = Merge.sorted(covered);
        required = Merge.sorted(required);
    }

    static SkillState empty(String organizationId, String userId) {
        return new SkillState(organizationId, userId, List.of(), List.of());
    }

    SkillState covering(List<String> skills) {
        List<String> all = covered;
        for (String skill : skills) {
            all = Merge.union(all, skill);
        }
        return new SkillState(organizationId, userId, all, required);
    }

    SkillState requiring(List<String> skills) {
        List<String> all = required;
        for (String skill : skills) {
            all = Merge.union(all, skill);
        }
        return new SkillState(organizationId, userId, covered, all);
    }
}
