package com.cycube.analytics.labs;

import static com.cycube.analytics.readmodel.Figure.path;

import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.Contribution;
import com.cycube.analytics.readmodel.Contributions;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.analytics.readmodel.EntityType;
import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Figure;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/** Labs as entities of the read model: launched, running and run time for the organization and the learner. */
@Component
public class Labs implements EntityType<LabState> {

    public static final String COLLECTION = "lab_facts";

    private final EntityStore store;

    public Labs(EntityStore store) {
        this.store = store;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<LabState> stateClass() {
        return LabState.class;
    }

    @Override
    public String what() {
        return "The lab";
    }

    public void apply(String eventId, String organizationId, String labId, String userId, String cubeId,
                      String templateId, UnaryOperator<LabState> change) {
        store.apply(this, labId, organizationId, eventId, current -> change.apply(
                current.orElseGet(() -> LabState.empty(labId, organizationId, userId, cubeId, templateId))));
    }

    @Override
    public List<Contribution> contributions(LabState lab) {
        Contributions result = new Contributions();
        if (lab.launchedAt() == null) {
            return result.list();
        }
        for (AggregateKey target : List.of(AggregateKey.organization(lab.organizationId()),
                AggregateKey.learner(lab.organizationId(), lab.userId()))) {
            result.add(target, Figure.LABS_LAUNCHED, 1);
            result.add(target, path(Figure.WEEKS, FieldKeys.week(lab.launchedAt()), Figure.LABS_LAUNCHED), 1);
            if (lab.running()) {
                result.add(target, Figure.LABS_RUNNING, 1);
                result.add(target, Figure.RUNNING_SINCE_SUM, lab.runningFrom().getEpochSecond());
            }
            if (lab.ranSeconds() > 0) {
                result.add(target, Figure.LAB_SECONDS, lab.ranSeconds());
                result.add(target, path(Figure.WEEKS, FieldKeys.week(lab.runningUntil()), Figure.LAB_SECONDS),
                        lab.ranSeconds());
            }
        }
        return result.list();
    }
}
