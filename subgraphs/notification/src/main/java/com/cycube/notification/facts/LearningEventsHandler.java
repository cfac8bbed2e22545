package com.cycube.notification.facts;

import com.cycube.notification.inbox.NotificationKind;
import com.cycube.notification.people.DirectoryStore;
import com.cycube.notification.people.PersonDocument;
import com.cycube.notification.reminders.DueDateStore;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.labs.LabExpiring;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.EnrollmentAssigned;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the facts people care about into notifications: training assigned to you (also to a team member who joins
 * later — training enrolls them by the same event), your lab running and expired, your certificate, and for an
 * organization's managers a learner who completed an assigned course; your lab about to expire (with the time left,
 * so you can extend it); your free-text answer graded by a manager. Due dates of assignments are kept for the
 * reminders sent by time ({@code DueDateReminders}); a completed course stops them.
 */
@Component
public class LearningEventsHandler implements EventHandler {

    private final Notifier notifier;
    private final DirectoryStore directory;
    private final DueDateStore dueDates;

    public LearningEventsHandler(Notifier notifier, DirectoryStore directory, DueDateStore dueDates) {
        this.notifier = notifier;
        this.directory = directory;
        this.dueDates = dueDates;
    }

    @Override
    public String group() {
        return "notification.notify";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(Enrolled.class, EnrollmentAssigned.class, LabStateChanged.class, LabExpiring.class,
                AnswerSubmitted.class, CertificateIssued.class, CourseCompleted.class);
    }

    @Override
    public void handle(DomainEvent event) {
        String org = event.requireOrgId();
        if (event.is(Enrolled.class)) {
            Enrolled e = event.payloadAs(Enrolled.class);
            if (e.assignmentId() != null) {
                directory.assigned(e.enrollmentId(), org);
                assigned(event, org, e.userId(), e.courseId(), e.dueAt());
                if (e.dueAt() != null) {
                    dueDates.due(e.enrollmentId(), org, e.userId(), e.courseId(), e.dueAt());
                }
            }
        } else if (event.is(EnrollmentAssigned.class)) {
            EnrollmentAssigned e = event.payloadAs(EnrollmentAssigned.class);
            directory.assigned(e.enrollmentId(), org);
            assigned(event, org, e.userId(), e.courseId(), e.dueAt());
            if (e.dueAt() != null) {
                dueDates.due(e.enrollmentId(), org, e.userId(), e.courseId(), e.dueAt());
            }
        } else if (event.is(LabStateChanged.class)) {
            LabStateChanged e = event.payloadAs(LabStateChanged.class);
            if ("RUNNING".equals(e.state())) {
                notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(org, e.userId(),
                        NotificationKind.LAB_RUNNING, "/labs/" + e.labId(), e.labId(), "LAB_RUNNING"));
            } else if ("EXPIRED".equals(e.state())) {
                notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(org, e.userId(),
                        NotificationKind.LAB_EXPIRED, "/labs/" + e.labId(), e.labId(), "LAB_EXPIRED"));
            }
        } else if (event.is(LabExpiring.class)) {
            LabExpiring e = event.payloadAs(LabExpiring.class);
            long minutes = Math.max(1, Duration.between(event.occurredAt(), e.expiresAt()).toMinutes());
            notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(org, e.userId(),
                    NotificationKind.LAB_EXPIRING, "/labs/" + e.labId(), e.labId(), "LAB_EXPIRING", minutes, e.expiresAt()));
        } else if (event.is(AnswerSubmitted.class)) {
            AnswerSubmitted e = event.payloadAs(AnswerSubmitted.class);
            if (e.gradedByAPerson()) { // answers graded automatically are answered on the spot
                notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(org, e.userId(),
                        NotificationKind.ANSWER_GRADED, "/cubes/" + e.cubeId(), e.questionId(),
                        e.correct() ? "ANSWER_GRADED.accepted" : "ANSWER_GRADED.rejected", e.points()));
            }
        } else if (event.is(CertificateIssued.class)) {
            CertificateIssued e = event.payloadAs(CertificateIssued.class);
            notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(org, e.userId(),
                    NotificationKind.CERTIFICATE_ISSUED, "/certificates/" + e.certificateId(), e.certificateId(),
                    "CERTIFICATE_ISSUED", e.courseTitle()));
        } else if (event.is(CourseCompleted.class)) {
            CourseCompleted e = event.payloadAs(CourseCompleted.class);
            dueDates.completed(e.enrollmentId());
            if (directory.isAssigned(e.enrollmentId())) {
                Object learner = directory.learnerName(e.userId());
                for (PersonDocument manager : directory.managersOf(org)) {
                    notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(org, manager.id(),
                            NotificationKind.LEARNER_COMPLETED_ASSIGNMENT, "/people/" + e.userId(), e.enrollmentId(),
                            "LEARNER_COMPLETED_ASSIGNMENT", learner, e.courseTitle()));
                }
            }
        }
    }

    private void assigned(DomainEvent event, String org, String userId, String courseId, Instant dueAt) {
        notifier.notify(event.eventId(), event.occurredAt(), new Notifier.Message(org, userId,
                NotificationKind.TRAINING_ASSIGNED, "/courses/" + courseId, courseId,
                dueAt == null ? "TRAINING_ASSIGNED.undated" : "TRAINING_ASSIGNED", directory.courseTitle(courseId), dueAt));
    }
}
