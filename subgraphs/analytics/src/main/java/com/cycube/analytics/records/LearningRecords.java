package com.cycube.analytics.records;

import com.cycube.analytics.records.LearningRecord.Context;
import com.cycube.analytics.records.LearningRecord.Result;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.assessment.QuizFailed;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.contracts.labs.LabObjectivesMet;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.TrainingAssigned;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one mapping from domain events to learning records: which facts become statements, with which verb, object,
 * result and context. Facts that are not learning facts (progress percentages, study-time heartbeats, provisioning
 * steps of a lab) make none.
 */
public final class LearningRecords {

    /** The events that may become learning records. */
    public static final Set<String> SOURCES = EventPayload.typesOf(Enrolled.class, TrainingAssigned.class,
            CubeStarted.class, CubeCompleted.class, CourseCompleted.class, AnswerSubmitted.class, QuizPassed.class,
            QuizFailed.class, LabStateChanged.class, LabObjectivesMet.class, CertificateIssued.class);

    private LearningRecords() {
    }

    /** The statement's id for an event: a name-based UUID, the same for every delivery of the event. */
    public static String idFor(String eventId) {
        return UUID.nameUUIDFromBytes(("cycube:learning-record:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The learning record {@code event} states, if it states one. */
    public static Optional<LearningRecord> of(DomainEvent event, Instant storedAt) {
        String org = event.requireOrgId();
        Instant at = event.occurredAt();
        LearningRecord record = null;
        if (event.is(Enrolled.class)) {
            Enrolled e = event.payloadAs(Enrolled.class);
            record = record(event, e.userId(), Verb.REGISTERED, ActivityType.COURSE, e.courseId(), null, null,
                    new Context(e.courseId(), null, e.enrollmentId(), e.assignmentId(), null), storedAt);
        } else if (event.is(TrainingAssigned.class)) {
            TrainingAssigned e = event.payloadAs(TrainingAssigned.class);
            boolean path = e.learningPathId() != null;
            record = record(event, e.assignedBy(), Verb.ASSIGNED, path ? ActivityType.LEARNING_PATH : ActivityType.COURSE,
                    path ? e.learningPathId() : e.courseId(), null, null,
                    new Context(e.courseId(), null, null, e.assignmentId(), null), storedAt);
        } else if (event.is(CubeStarted.class)) {
            CubeStarted e = event.payloadAs(CubeStarted.class);
            record = record(event, e.userId(), Verb.ATTEMPTED, ActivityType.CUBE, e.cubeId(), null, null,
                    new Context(e.courseId(), e.cubeId(), e.enrollmentId(), null, null), storedAt);
        } else if (event.is(CubeCompleted.class)) {
            CubeCompleted e = event.payloadAs(CubeCompleted.class);
            record = record(event, e.userId(), Verb.COMPLETED, ActivityType.CUBE, e.cubeId(), null,
                    new Result(null, true, null, null, null, null, null, null),
                    new Context(e.courseId(), e.cubeId(), e.enrollmentId(), null, null), storedAt);
        } else if (event.is(CourseCompleted.class)) {
            CourseCompleted e = event.payloadAs(CourseCompleted.class);
            record = record(event, e.userId(), Verb.COMPLETED, ActivityType.COURSE, e.courseId(), e.courseTitle(),
                    new Result(null, true, e.score(), e.score() == null ? null : 0.0, e.score() == null ? null : 100.0,
                            null, null, null),
                    new Context(e.courseId(), null, e.enrollmentId(), null, null), storedAt);
        } else if (event.is(AnswerSubmitted.class)) {
            AnswerSubmitted e = event.payloadAs(AnswerSubmitted.class);
            record = record(event, e.userId(), Verb.ANSWERED, ActivityType.QUESTION, e.questionId(), null,
                    new Result(e.correct(), null, (double) e.points(), 0.0, null, e.attempt(), e.hintsTaken(), null),
                    new Context(null, e.cubeId(), null, null, null), storedAt);
        } else if (event.is(QuizPassed.class)) {
            QuizPassed e = event.payloadAs(QuizPassed.class);
            record = record(event, e.userId(), Verb.PASSED, ActivityType.CUBE, e.cubeId(), null,
                    new Result(true, true, (double) e.score(), 0.0, 100.0, null, null, null),
                    new Context(null, e.cubeId(), null, null, null), storedAt);
        } else if (event.is(QuizFailed.class)) {
            QuizFailed e = event.payloadAs(QuizFailed.class);
            record = record(event, e.userId(), Verb.FAILED, ActivityType.CUBE, e.cubeId(), null,
                    new Result(false, true, (double) e.score(), 0.0, 100.0, null, null, null),
                    new Context(null, e.cubeId(), null, null, null), storedAt);
        } else if (event.is(LabStateChanged.class)) {
            LabStateChanged e = event.payloadAs(LabStateChanged.class);
            Verb verb = switch (e.state()) {
                case "REQUESTED" -> Verb.LAUNCHED;
                case "RUNNING" -> Verb.INITIALIZED;
                case "TERMINATED" -> Verb.TERMINATED;
                case "EXPIRED" -> Verb.EXPIRED;
                default -> null; // provisioning steps and failures of the platform are not learning facts
            };
            if (verb != null) {
                record = record(event, e.userId(), verb, ActivityType.LAB, e.labId(), null, null,
                        new Context(null, e.cubeId(), null, null, e.labId()), storedAt);
            }
        } else if (event.is(LabObjectivesMet.class)) {
            LabObjectivesMet e = event.payloadAs(LabObjectivesMet.class);
            record = record(event, e.userId(), Verb.SATISFIED, ActivityType.LAB, e.labId(), null,
                    new Result(true, true, null, null, null, null, null, null),
                    new Context(null, e.cubeId(), null, null, e.labId()), storedAt);
        } else if (event.is(CertificateIssued.class)) {
            CertificateIssued e = event.payloadAs(CertificateIssued.class);
            record = record(event, e.userId(), Verb.EARNED, ActivityType.CERTIFICATE, e.certificateId(),
                    e.courseTitle(), null, new Context(e.courseId(), null, null, null, null), storedAt);
        }
        return Optional.ofNullable(record).filter(made -> made.userId() != null && org != null);
    }

    private static LearningRecord record(DomainEvent event, String userId, Verb verb, ActivityType type,
                                         String objectId, String objectName, Result result, Context context,
                                         Instant storedAt) {
        return new LearningRecord(idFor(event.eventId()), event.requireOrgId(), userId, verb, type, objectId,
                objectName, result, context, event.occurredAt(), storedAt, null);
    }
}
