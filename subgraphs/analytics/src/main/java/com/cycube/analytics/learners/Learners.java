package com.cycube.analytics.learners;

import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.Contribution;
import com.cycube.analytics.readmodel.Contributions;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.analytics.readmodel.EntityType;
import com.cycube.analytics.readmodel.Figure;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Members of organizations (identity's snapshots) as entities: each active one counts as a member. */
@Component
public class Learners implements EntityType<LearnerProfile> {

    public static final String COLLECTION = "learners";

    private final EntityStore store;

    public Learners(EntityStore store) {
        this.store = store;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<LearnerProfile> stateClass() {
        return LearnerProfile.class;
    }

    @Override
    public String what() {
        return "The learner";
    }

    /** Keeps the snapshot with the highest version. */
    public void changed(String eventId, LearnerProfile snapshot) {
        store.apply(this, snapshot.userId(), snapshot.organizationId(), eventId,
                current -> current.map(known -> known.newer(snapshot)).orElse(snapshot));
    }

    public Optional<LearnerProfile> find(String userId) {
        return store.find(this, userId);
    }

    /** Every member of an organization (as identity announced them), by name. */
    public List<LearnerProfile> inOrganization(String organizationId) {
        return store.findAll(this, Query.query(Criteria.where("organizationId").is(organizationId))
                .with(Sort.by("state.displayName", "_id")));
    }

    /** The members of an organization who belong to any of {@code teamIds}. */
    public List<LearnerProfile> inTeams(String organizationId, Collection<String> teamIds) {
        return store.findAll(this, Query.query(Criteria.where("organizationId").is(organizationId)
                .and("state.teamIds").in(teamIds)));
    }

    @Override
    public List<Contribution> contributions(LearnerProfile learner) {
        return new Contributions()
                .add(AggregateKey.organization(learner.organizationId()), Figure.MEMBERS, learner.active() ? 1 : 0)
                .list();
    }
}
