package com.cycube.training.progress;

import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.contracts.labs.LabObjectivesMet;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
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
 * none it is acknowledged and ignored. Each enrollment applies each event at most once; their order does not matter.
 */
@Component
public class ProgressFactsHandler implements EventHandler {

    private final CatalogStore catalog;
    private final EnrollmentStore enrollments;
    private final ProgressRecorder recorder;

    public ProgressFactsHandler(CatalogStore catalog, EnrollmentStore enrollments, ProgressRecorder recorder) {
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
        return EventPayload.typesOf(QuizPassed.class, AnswerSubmitted.class, LabObjectivesMet.class, LabStateChanged.class);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.orgId() == null) {
            return;
        }
        if (event.is(QuizPassed.class)) {
            QuizPassed passed = event.payloadAs(QuizPassed.class);
            apply(event, passed.userId(), Fact.quizPassed(passed.cubeId(), event.occurredAt(), passed.score()));
        } else if (event.is(LabObjectivesMet.class)) {
            LabObjectivesMet met = event.payloadAs(LabObjectivesMet.class);
            apply(event, met.userId(), Fact.labObjectivesMet(met.cubeId(), event.occurredAt()));
        } else if (event.is(AnswerSubmitted.class)) {
            AnswerSubmitted answer = event.payloadAs(AnswerSubmitted.class);
            apply(event, answer.userId(), Fact.activity(answer.cubeId(), event.occurredAt(), true));
        } else if (event.is(LabStateChanged.class)) {
            LabStateChanged lab = event.payloadAs(LabStateChanged.class);
            apply(event, lab.userId(), Fact.activity(lab.cubeId(), event.occurredAt(), "REQUESTED".equals(lab.state())));
        }
    }

    private void apply(DomainEvent event, String userId, Fact fact) {
        List<String> courseIds = catalog.coursesContainingCube(event.orgId(), fact.cubeId()).stream()
                .map(CourseDocument::id).toList();
        if (courseIds.isEmpty()) {
            return;
        }
        for (EnrollmentDocument enrollment : enrollments.ofUserInCourses(event.orgId(), userId, courseIds)) {
            recorder.record(enrollment.id(), fact, event.eventId());
        }
    }
}
