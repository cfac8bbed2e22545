package com.cycube.analytics.learners;

import static com.cycube.analytics.readmodel.Figure.path;

import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.Contribution;
import com.cycube.analytics.readmodel.Contributions;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.analytics.readmodel.EntityType;
import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Figure;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Learners' activity as entities of the read model: each learner counts once on the day of their last activity (so
 * "active in the last 7 days" is a sum over 7 days) and once in every week they were active.
 */
@Component
public class Activity implements EntityType<ActivityState> {

    public static final String COLLECTION = "learner_activity";

    private final EntityStore store;

    public Activity(EntityStore store) {
        this.store = store;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<ActivityState> stateClass() {
        return ActivityState.class;
    }

    @Override
    public String what() {
        return "The learner's activity";
    }

    /** Records that the learner acted at {@code at} (once per event). */
    public void activeAt(String eventId, String organizationId, String userId, Instant at) {
        store.apply(this, id(organizationId, userId), organizationId, eventId,
                current -> current.orElseGet(() -> ActivityState.empty(organizationId, userId)).activeAt(at));
    }

    public Optional<ActivityState> of(String organizationId, String userId) {
        return store.find(this, id(organizationId, userId));
    }

    private static String id(String organizationId, String userId) {
        return organizationId + ":" + userId;
    }

    @Override
    public List<Contribution> contributions(ActivityState activity) {
        Contributions result = new Contributions();
        if (activity.lastActiveAt() == null) {
            return result.list();
        }
        for (AggregateKey target : List.of(AggregateKey.organization(activity.organizationId()),
                AggregateKey.learner(activity.organizationId(), activity.userId()))) {
            result.add(target, path(Figure.LAST_ACTIVE, FieldKeys.day(activity.lastActiveAt())), 1);
            for (String week : activity.activeWeeks()) {
                result.add(target, path(Figure.WEEKS, week, Figure.ACTIVE_LEARNERS), 1);
            }
        }
        return result.list();
    }
}
