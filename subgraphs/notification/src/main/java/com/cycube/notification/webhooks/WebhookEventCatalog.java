package com.cycube.notification.webhooks;

import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.assessment.QuizFailed;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.EnrollmentAssigned;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public events integrators subscribe to: names, versions and payloads of our own (docs/webhooks.md), mapped from
 * the internal domain events — which may change shape freely; a public payload changes only with a new version.
 * Payloads carry ids and values, never e-mail addresses or secrets.
 */
public final class WebhookEventCatalog {

    /** One public event type as the catalogue lists it. */
    public record WebhookEventType(String type, int version, String description) {
    }

    /** An internal event as integrators receive it: the envelope's {@code type}, {@code version} and {@code data}. */
    public record PublicEvent(String type, int version, Record data) {
    }

    /** {@code enrollment.assigned} v1: an assignment enrolled a learner, or covers their existing enrollment. */
    public record EnrollmentAssignedV1(String enrollmentId, String userId, String courseId, String assignmentId,
                                       String learningPathId, Instant dueAt) {
    }

    /** {@code course.completed} v1. */
    public record CourseCompletedV1(String enrollmentId, String userId, String courseId, String courseTitle,
                                    Double score, Instant completedAt) {
    }

    /** {@code certificate.issued} v1. */
    public record CertificateIssuedV1(String certificateId, String userId, String courseId, String courseTitle,
                                      Instant issuedAt) {
    }

    /** {@code quiz.passed} and {@code quiz.failed} v1. */
    public record QuizResultV1(String userId, String cubeId, int score, int points, int maxPoints) {
    }

    /** {@code lab.state_changed} v1. */
    public record LabStateChangedV1(String labId, String userId, String cubeId, String templateId, String state,
                                    String previousState) {
    }

    public static final String ENROLLMENT_ASSIGNED = "enrollment.assigned";
    public static final String COURSE_COMPLETED = "course.completed";
    public static final String CERTIFICATE_ISSUED = "certificate.issued";
    public static final String QUIZ_PASSED = "quiz.passed";
    public static final String QUIZ_FAILED = "quiz.failed";
    public static final String LAB_STATE_CHANGED = "lab.state_changed";

    public static final List<WebhookEventType> TYPES = List.of(
            new WebhookEventType(ENROLLMENT_ASSIGNED, 1, "A manager's assignment enrolled a learner in a course, or "
                    + "covers a course they were already enrolled in (with the due date)."),
            new WebhookEventType(COURSE_COMPLETED, 1, "A learner completed every cube of a course."),
            new WebhookEventType(CERTIFICATE_ISSUED, 1, "A learner earned a certificate for a course."),
            new WebhookEventType(QUIZ_PASSED, 1, "A learner reached the pass mark of a quiz or lab cube."),
            new WebhookEventType(QUIZ_FAILED, 1, "A learner can no longer pass a quiz or lab cube (no attempts left)."),
            new WebhookEventType(LAB_STATE_CHANGED, 1, "A learner's lab moved to another state (REQUESTED, "
                    + "PROVISIONING, RUNNING, STOPPING, TERMINATED, FAILED, EXPIRED)."));

    /** The internal event types the catalogue is made from. */
    public static final Set<String> SOURCES = EventPayload.typesOf(Enrolled.class, EnrollmentAssigned.class,
            CourseCompleted.class, CertificateIssued.class, QuizPassed.class, QuizFailed.class, LabStateChanged.class);

    private WebhookEventCatalog() {
    }

    public static boolean isKnown(String type) {
        return TYPES.stream().anyMatch(known -> known.type().equals(type));
    }

    public static List<String> typeNames() {
        return TYPES.stream().map(WebhookEventType::type).toList();
    }

    /** The public event an internal one is published as; empty when integrators are not told about it. */
    public static Optional<PublicEvent> publish(DomainEvent event) {
        if (event.is(Enrolled.class)) {
            Enrolled e = event.payloadAs(Enrolled.class);
            return "ASSIGNMENT".equals(e.source()) ? Optional.of(new PublicEvent(ENROLLMENT_ASSIGNED, 1,
                    new EnrollmentAssignedV1(e.enrollmentId(), e.userId(), e.courseId(), e.assignmentId(), e.pathId(),
                            e.dueAt()))) : Optional.empty();
        } else if (event.is(EnrollmentAssigned.class)) {
            EnrollmentAssigned e = event.payloadAs(EnrollmentAssigned.class);
            return Optional.of(new PublicEvent(ENROLLMENT_ASSIGNED, 1, new EnrollmentAssignedV1(e.enrollmentId(),
                    e.userId(), e.courseId(), e.assignmentId(), e.pathId(), e.dueAt())));
        } else if (event.is(CourseCompleted.class)) {
            CourseCompleted e = event.payloadAs(CourseCompleted.class);
            return Optional.of(new PublicEvent(COURSE_COMPLETED, 1, new CourseCompletedV1(e.enrollmentId(), e.userId(),
                    e.courseId(), e.courseTitle(), e.score(), e.completedAt())));
        } else if (event.is(CertificateIssued.class)) {
            CertificateIssued e = event.payloadAs(CertificateIssued.class);
            return Optional.of(new PublicEvent(CERTIFICATE_ISSUED, 1, new CertificateIssuedV1(e.certificateId(),
                    e.userId(), e.courseId(), e.courseTitle(), e.issuedAt())));
        } else if (event.is(QuizPassed.class)) {
            QuizPassed e = event.payloadAs(QuizPassed.class);
            return Optional.of(new PublicEvent(QUIZ_PASSED, 1, new QuizResultV1(e.userId(), e.cubeId(), e.score(),
                    e.points(), e.maxPoints())));
        } else if (event.is(QuizFailed.class)) {
            QuizFailed e = event.payloadAs(QuizFailed.class);
            return Optional.of(new PublicEvent(QUIZ_FAILED, 1, new QuizResultV1(e.userId(), e.cubeId(), e.score(),
                    e.points(), e.maxPoints())));
        } else if (event.is(LabStateChanged.class)) {
            LabStateChanged e = event.payloadAs(LabStateChanged.class);
            return Optional.of(new PublicEvent(LAB_STATE_CHANGED, 1, new LabStateChangedV1(e.labId(), e.userId(),
                    e.cubeId(), e.templateId(), e.state(), e.previousState())));
        }
        return Optional.empty();
    }
}
