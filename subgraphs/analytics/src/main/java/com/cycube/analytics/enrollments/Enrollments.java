package com.cycube.analytics.enrollments;

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
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Enrollments as entities of the read model: their states (from training's events) and what each adds to its
 * organization's, its learner's and its course's figures.
 */
@Component
public class Enrollments implements EntityType<EnrollmentState> {

    public static final String COLLECTION = "enrollment_facts";

    private final EntityStore store;

    public Enrollments(EntityStore store) {
        this.store = store;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<EnrollmentState> stateClass() {
        return EnrollmentState.class;
    }

    @Override
    public String what() {
        return "The enrollment";
    }

    /** Applies one event's change to an enrollment (created empty when it is the first fact about it). */
    public void apply(String eventId, String organizationId, String enrollmentId, String userId, String courseId,
                      UnaryOperator<EnrollmentState> change) {
        store.apply(this, enrollmentId, organizationId, eventId, current -> change.apply(
                current.orElseGet(() -> EnrollmentState.empty(enrollmentId, organizationId, userId, courseId))));
    }

    /** A learner's enrollments, most recently started first. */
    public List<EnrollmentState> ofLearner(String organizationId, String userId) {
        return store.findAll(this, Query.query(Criteria.where("organizationId").is(organizationId)
                .and("state.userId").is(userId)).with(Sort.by(Sort.Direction.DESC, "state.firstFactAt")));
    }

    public Optional<EnrollmentState> find(String enrollmentId) {
        return store.find(this, enrollmentId);
    }

    @Override
    public List<Contribution> contributions(EnrollmentState e) {
        Contributions result = new Contributions();
        Instant started = e.startedAt();
        if (started == null) {
            return result.list();
        }
        for (AggregateKey target : List.of(AggregateKey.organization(e.organizationId()),
                AggregateKey.learner(e.organizationId(), e.userId()))) {
            result.add(target, Figure.ENROLLMENTS, 1);
            result.add(target, path(Figure.WEEKS, FieldKeys.week(started), Figure.ENROLLMENTS), 1);
            result.add(target, Figure.TIME_SPENT, e.timeSpentSeconds());
            if (e.completed()) {
                String week = FieldKeys.week(e.completedAt());
                result.add(target, Figure.COMPLETIONS, 1);
                result.add(target, path(Figure.WEEKS, week, Figure.COMPLETIONS), 1);
                if (e.score() != null) {
                    long hundredths = Math.round(e.score() * 100);
                    result.add(target, Figure.SCORE_SUM, hundredths);
                    result.add(target, Figure.SCORE_COUNT, 1);
                    result.add(target, path(Figure.WEEKS, week, Figure.SCORE_SUM), hundredths);
                    result.add(target, path(Figure.WEEKS, week, Figure.SCORE_COUNT), 1);
                }
            }
            if (e.dueAt() != null) {
                // open and due: overdue as soon as the due instant passes; per week: became due / resolved (see Figure)
                result.add(target, path(Figure.WEEKS, FieldKeys.week(e.dueAt()), Figure.BECAME_DUE), 1);
                if (e.completed()) {
                    Instant resolved = e.completedAt().isAfter(e.dueAt()) ? e.completedAt() : e.dueAt();
                    result.add(target, path(Figure.WEEKS, FieldKeys.week(resolved), Figure.RESOLVED_DUE), 1);
                } else {
                    result.add(target, path(Figure.OPEN_DUE, FieldKeys.instant(e.dueAt())), 1);
                }
            }
        }
        AggregateKey course = AggregateKey.course(e.organizationId(), e.courseId());
        result.add(course, Figure.ENROLLMENTS, 1);
        result.add(course, Figure.STARTED, e.begun() ? 1 : 0);
        result.add(course, Figure.COMPLETIONS, e.completed() ? 1 : 0);
        result.add(course, Figure.TIME_SPENT, e.timeSpentSeconds());
        if (e.completed() && e.score() != null) {
            result.add(course, Figure.SCORE_SUM, Math.round(e.score() * 100));
            result.add(course, Figure.SCORE_COUNT, 1);
        }
        for (String cube : e.startedCubes()) {
            result.add(course, path(Figure.CUBES, FieldKeys.segment(cube), Figure.STARTED), 1);
        }
        for (String cube : e.completedCubes()) {
            result.add(course, path(Figure.CUBES, FieldKeys.segment(cube), Figure.COMPLETIONS), 1);
        }
        return result.list();
    }
}
