package com.cycube.analytics.learners;

import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Merge;
import java.time.Instant;
import java.util.List;

/**
 * When a learner was active: their latest own action and the weeks in which they did anything (a learner's own
 * actions: enrolling, starting and completing cubes, answering, launching labs, recording study time).
 */
public record ActivityState(String organizationId, String userId, Instant lastActiveAt, List<String> activeWeeks) {

    public ActivityState {
        activeWeeks = Merge.sorted(activeWeeks);
    }

    static ActivityState empty(String organizationId, String userId) {
        return new ActivityState(organizationId, userId, null, List.of());
    }

    ActivityState activeAt(Instant at) {
        return new ActivityState(organizationId, userId, Merge.latest(lastActiveAt, at),
                Merge.union(activeWeeks, FieldKeys.week(at)));
    }
}
