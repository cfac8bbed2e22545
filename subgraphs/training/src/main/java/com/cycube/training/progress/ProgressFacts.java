package com.cycube.training.progress;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.training.catalog.CatalogStore;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentStore;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns other subgraphs' facts into progress: {@code assessment.QuizPassed} completes a QUIZ cube (or a LAB cube
 * with questions) and records its score, {@code labs.LabObjectivesMet} completes a LAB cube,
 * {@code assessment.AnswerSubmitted} and {@code labs.LabStateChanged} count attempts and last activity. A fact
 * counts in every enrollment of that trainee (in the event's organization) whose course contains the cube; with
 * none it is acknowledged and ignored. Each enrollment applies each event at most once.
 */
@Component
public class ProgressFacts implements EventHandler {

    static final String QUIZ_PASSED = "assessment.QuizPassed";
    static final String ANSWER_SUBMITTED = "assessment.AnswerSubmitted";
    static final String OBJECTIVES_MET = "labs.LabObjectivesMet";
    static final String LAB_STATE_CHANGED = "labs.LabStateChanged";

    private final CatalogStore catalog;
    private final EnrollmentStore enrollments;
    private final ProgressRecorder recorder;

    public ProgressFacts(CatalogStore catalog, EnrollmentStore enrollments, ProgressRecorder recorder) {
        this.catalog = catalog;
        this.enrollments = enrollments;
        this.recorder = recorder;
    }

    @Override
    public String group() {
        return "training.progress-facts";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(QUIZ_PASSED, ANSWER_SUBMITTED, OBJECTIVES_MET, LAB_STATE_CHANGED);
    }

    @Override
    public void handle(DomainEvent event) {
        String userId = event.string("userId");
        String cubeId = event.string("cubeId");
        if (event.orgId() == null || userId == null || cubeId == null) {
            return;
        }
        Fact fact = switch (event.type()) {
            case QUIZ_PASSED -> Fact.quizPassed(cubeId, event.occurredAt(),
                    event.payload().get("score") instanceof Number n ? Integer.valueOf((int) Math.round(n.doubleValue())) : null);
            case OBJECTIVES_MET -> Fact.labObjectivesMet(cubeId, event.occurredAt());
            case ANSWER_SUBMITTED -> Fact.activity(cubeId, event.occurredAt(), true);
            case LAB_STATE_CHANGED -> Fact.activity(cubeId, event.occurredAt(), "REQUESTED".equals(event.string("state")));
            default -> null;
        };
        if (fact == null) {
            return;
        }
        List<String> courseIds = catalog.coursesContainingCube(event.orgId(), cubeId).stream().map(CourseDocument::id).toList();
        if (courseIds.isEmpty()) {
            return;
        }
        for (EnrollmentDocument enrollment : enrollments.ofUserInCourses(event.orgId(), userId, courseIds)) {
            recorder.record(enrollment.id(), fact, event.eventId());
        }
    }
}
