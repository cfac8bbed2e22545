package com.cycube.analytics.facts;

import com.cycube.analytics.answers.Answers;
import com.cycube.analytics.certificates.CertificateState;
import com.cycube.analytics.certificates.Certificates;
import com.cycube.analytics.enrollments.Enrollments;
import com.cycube.analytics.labs.LabState;
import com.cycube.analytics.labs.Labs;
import com.cycube.analytics.learners.Activity;
import com.cycube.analytics.skills.Skills;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.labs.LabObjectivesMet;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.EnrollmentAssigned;
import com.cycube.support.contracts.training.ProgressChanged;
import com.cycube.support.contracts.training.StudyTimeRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns training's, assessment's and labs' facts into the read model's entities — enrollments, labs, answers,
 * certificates and each learner's activity — whose contributions keep every dashboard figure current (ADR 19).
 * Every change is applied once per event and entity, whatever the number of deliveries.
 */
@Component
public class LearningFactsHandler implements EventHandler {

    private final Enrollments enrollments;
    private final Labs labs;
    private final Answers answers;
    private final Certificates certificates;
    private final Activity activity;
    private final Skills skills;

    public LearningFactsHandler(Enrollments enrollments, Labs labs, Answers answers, Certificates certificates,
                                Activity activity, Skills skills) {
        this.enrollments = enrollments;
        this.labs = labs;
        this.answers = answers;
        this.certificates = certificates;
        this.activity = activity;
        this.skills = skills;
    }

    @Override
    public String group() {
        return "analytics.read-model";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(Enrolled.class, EnrollmentAssigned.class, CubeStarted.class, CubeCompleted.class,
                ProgressChanged.class, CourseCompleted.class, StudyTimeRecorded.class, AnswerSubmitted.class,
                LabStateChanged.class, LabObjectivesMet.class, CertificateIssued.class);
    }

    @Override
    public void handle(DomainEvent event) {
        String org = event.requireOrgId();
        String id = event.eventId();
        Instant at = event.occurredAt();
        if (event.is(Enrolled.class)) {
            Enrolled e = event.payloadAs(Enrolled.class);
            enrollments.apply(id, org, e.enrollmentId(), e.userId(), e.courseId(),
                    s -> s.enrolled(e.enrolledAt(), e.assignmentId(), e.pathId(), e.dueAt()));
            if ("SELF".equals(e.source())) {
                activity.activeAt(id, org, e.userId(), at);
            }
            if (e.pathId() != null && "ASSIGNMENT".equals(e.source())) { // a path the learner chose requires nothing
                skills.pathAssigned(id, org, e.userId(), e.pathId());
            }
        } else if (event.is(EnrollmentAssigned.class)) {
            EnrollmentAssigned e = event.payloadAs(EnrollmentAssigned.class);
            enrollments.apply(id, org, e.enrollmentId(), e.userId(), e.courseId(),
                    s -> s.assignedTo(e.assignmentId(), e.pathId(), e.dueAt()).fact(at));
            if (e.pathId() != null) {
                skills.pathAssigned(id, org, e.userId(), e.pathId());
            }
        } else if (event.is(CubeStarted.class)) {
            CubeStarted e = event.payloadAs(CubeStarted.class);
            enrollments.apply(id, org, e.enrollmentId(), e.userId(), e.courseId(),
                    s -> s.cubeStarted(e.cubeId()).fact(at).activeAt(at));
            activity.activeAt(id, org, e.userId(), at);
        } else if (event.is(CubeCompleted.class)) {
            CubeCompleted e = event.payloadAs(CubeCompleted.class);
            enrollments.apply(id, org, e.enrollmentId(), e.userId(), e.courseId(),
                    s -> s.cubeCompleted(e.cubeId()).fact(at).activeAt(at));
            activity.activeAt(id, org, e.userId(), at);
        } else if (event.is(ProgressChanged.class)) {
            ProgressChanged e = event.payloadAs(ProgressChanged.class);
            enrollments.apply(id, org, e.enrollmentId(), e.userId(), e.courseId(), s -> s.progressed(e.percent()).fact(at));
        } else if (event.is(CourseCompleted.class)) {
            CourseCompleted e = event.payloadAs(CourseCompleted.class);
            Instant completedAt = e.completedAt() != null ? e.completedAt() : at;
            enrollments.apply(id, org, e.enrollmentId(), e.userId(), e.courseId(),
                    s -> s.courseCompleted(completedAt, e.score()).fact(at));
            skills.completed(id, org, e.userId(), e.courseId());
        } else if (event.is(StudyTimeRecorded.class)) {
            StudyTimeRecorded e = event.payloadAs(StudyTimeRecorded.class);
            enrollments.apply(id, org, e.enrollmentId(), e.userId(), e.courseId(),
                    s -> s.studied(e.seconds()).fact(at).activeAt(at));
            activity.activeAt(id, org, e.userId(), at);
        } else if (event.is(AnswerSubmitted.class)) {
            AnswerSubmitted e = event.payloadAs(AnswerSubmitted.class);
            answers.apply(id, org, e.userId(), e.cubeId(), e.questionId(),
                    s -> s.answered(e.attempt(), e.correct(), e.hintsTaken(), at));
            activity.activeAt(id, org, e.userId(), at);
        } else if (event.is(LabStateChanged.class)) {
            LabStateChanged e = event.payloadAs(LabStateChanged.class);
            labs.apply(id, org, e.labId(), e.userId(), e.cubeId(), e.templateId(),
                    s -> s.changed(e.previousState(), e.state(), at));
            if (e.previousState() == null) { // the launch is the learner's own action; later changes are the platform's
                activity.activeAt(id, org, e.userId(), at);
            }
        } else if (event.is(LabObjectivesMet.class)) {
            LabObjectivesMet e = event.payloadAs(LabObjectivesMet.class);
            labs.apply(id, org, e.labId(), e.userId(), e.cubeId(), null, LabState::withObjectivesMet);
            activity.activeAt(id, org, e.userId(), at);
        } else if (event.is(CertificateIssued.class)) {
            CertificateIssued e = event.payloadAs(CertificateIssued.class);
            certificates.issued(id, new CertificateState(e.certificateId(), org, e.userId(), e.courseId(),
                    e.courseTitle(), e.issuedAt()));
        }
    }
}
