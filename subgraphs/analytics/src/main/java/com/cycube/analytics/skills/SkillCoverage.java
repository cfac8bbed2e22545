package com.cycube.analytics.skills;

import java.time.Instant;
import java.util.List;

/** Which skills an organization's or a team's learners covered, and the gaps against their assigned paths. */
public record SkillCoverage(String organizationId, String teamId, int members, List<Entry> skills, Instant asOf) {

    /** One skill. */
    public record Entry(String skillId, String framework, String code, String name, int learnersCovered,
                        int learnersRequired, int learnersMissing) {
    }
}
