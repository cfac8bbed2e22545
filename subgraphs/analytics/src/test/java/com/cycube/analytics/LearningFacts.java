package com.cycube.analytics;

import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.StudyTimeRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import java.time.Instant;

/** Learning facts as training, assessment and labs send them, for one test's learners. */
public abstract class LearningFacts extends AnalyticsIntegrationTest {

    protected static String enrollmentId(Persona learner, String courseId) {
        return learner.organizationId() + ":" + learner.subject() + ":" + courseId;
    }

    protected DomainEvent selfEnrolled(Persona learner, String courseId) {
        return append(learner.organizationId(), new Enrolled(enrollmentId(learner, courseId), learner.subject(), courseId,
                "SELF", null, null, null, clock.instant()));
    }

    protected DomainEvent assigned(Persona learner, String courseId, String assignmentId, Instant dueAt) {
        return append(learner.organizationId(), new Enrolled(enrollmentId(learner, courseId), learner.subject(), courseId,
                "ASSIGNMENT", assignmentId, null, dueAt, clock.instant()));
    }

    protected DomainEvent cubeStarted(Persona learner, String courseId, String cubeId) {
        return append(learner.organizationId(), new CubeStarted(enrollmentId(learner, courseId), learner.subject(),
                courseId, cubeId));
    }

    protected DomainEvent cubeCompleted(Persona learner, String courseId, String cubeId) {
        return append(learner.organizationId(), new CubeCompleted(enrollmentId(learner, courseId), learner.subject(),
                courseId, cubeId, "READING"));
    }

    protected DomainEvent courseCompleted(Persona learner, String courseId, Double score) {
        return append(learner.organizationId(), new CourseCompleted(enrollmentId(learner, courseId), learner.subject(),
                courseId, "Spotting phishing", score, clock.instant()));
    }

    protected DomainEvent studied(Persona learner, String courseId, int seconds) {
        return append(learner.organizationId(), new StudyTimeRecorded(enrollmentId(learner, courseId), learner.subject(),
                courseId, seconds));
    }

    protected DomainEvent answered(Persona learner, String cubeId, String questionId, int attempt, boolean correct,
                                   int hints) {
        return append(learner.organizationId(), new AnswerSubmitted(learner.subject(), cubeId, questionId, correct,
                correct ? 10 : 0, attempt, hints));
    }

    protected DomainEvent lab(Persona learner, String labId, String state, String previous) {
        return append(learner.organizationId(), new LabStateChanged(labId, learner.subject(), "lab-1", "tmpl-kali-ssh",
                state, previous));
    }

    protected DomainEvent certificate(Persona learner, String certificateId, String courseId) {
        return append(learner.organizationId(), new CertificateIssued(certificateId, learner.subject(), courseId,
                "Spotting phishing", clock.instant()));
    }
}
