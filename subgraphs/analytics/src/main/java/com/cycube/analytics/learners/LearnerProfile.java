package com.cycube.analytics.learners;

import com.cycube.analytics.readmodel.Merge;
import java.util.List;

/**
 * A member of an organization as identity last described them (the snapshot with the highest version): name (never an
 * e-mail address), role, teams, whether active.
 */
public record LearnerProfile(String organizationId, String userId, String displayName, String role,
                             List<String> teamIds, boolean active, String status, long version) {

    public LearnerProfile {
        teamIds = Merge.sorted(teamIds);
    }

    /** The newer of this and {@code other} by version (this one when equal: the first applied stays). */
    LearnerProfile newer(LearnerProfile other) {
        return other.version > version ? other : this;
    }
}
