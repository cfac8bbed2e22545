package com.cycube.assessment.certificates;

import com.cycube.assessment.AssessmentProperties;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Idempotent;
import com.cycube.support.events.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues a certificate for {@code training.CourseCompleted} when the course score reaches
 * {@code cycube.assessment.certificates.passing-score} (a completion without a score earns none); the insert of the
 * certificate carries {@code assessment.CertificateIssued}. Idempotent twice over: the certificate id is derived from
 * the enrollment id, and the issuing upsert only matches a certificate not issued yet (and only sets fields on
 * insert) — a redelivered event, or another CourseCompleted for the same enrollment, leaves the first certificate
 * as it is and announces nothing.
 * The certificate records, as it is issued, who owns the course ({@link CourseFactStore}, from
 * {@code catalog.CoursePublished}): platform content (GLOBAL) or an organization's own course. A completion of a
 * course assessment has not learnt yet issues nothing now and fails, so it comes back (retried with backoff): a
 * certificate never exists without knowing who issued it. Trusted system code without a caller: MongoTemplate,
 * scoped by the event's organization.
 */
@Component
public class CourseCompletedHandler implements EventHandler {

    private final MongoTemplate mongo;
    private final CourseFactStore courses;
    private final CertificateSigner signer;
    private final int passingScore;
    private final Clock clock;

    public CourseCompletedHandler(MongoTemplate mongo, CourseFactStore courses, CertificateSigner signer,
                                  AssessmentProperties properties, Clock clock) {
        this.mongo = mongo;
        this.courses = courses;
        this.signer = signer;
        this.passingScore = properties.certificates().passingScore();
        this.clock = clock;
    }

    public static String certificateIdFor(String enrollmentId) {
        return UUID.nameUUIDFromBytes(("cycube-certificate:" + enrollmentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String group() {
        return "assessment.certificates";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(CourseCompleted.class);
    }

    @Override
    public void handle(DomainEvent event) {
        CourseCompleted completed = event.payloadAs(CourseCompleted.class);
        String organizationId = event.requireOrgId(); // a certificate always belongs to the learner's organization
        if (completed.score() == null || completed.score() < passingScore) {
            return; // completed below the passing score: no certificate
        }
        CourseFactDocument course = courses.find(completed.courseId()).orElseThrow(() -> new IllegalStateException(
                "Course " + completed.courseId() + " is not known yet (catalog.CoursePublished): the certificate waits"));
        String id = certificateIdFor(completed.enrollmentId());
        // stored dates have millisecond precision: sign what is stored
        Instant issuedAt = (completed.completedAt() != null ? completed.completedAt() : event.occurredAt())
                .truncatedTo(ChronoUnit.MILLIS);
        String courseTitle = completed.courseTitle() == null ? completed.courseId() : completed.courseTitle();
        Update issue = new Update()
                .setOnInsert("userId", completed.userId())
                .setOnInsert("enrollmentId", completed.enrollmentId())
                .setOnInsert("courseId", completed.courseId())
                .setOnInsert("courseTitle", courseTitle)
                .setOnInsert("score", (int) Math.round(completed.score()))
                .setOnInsert("issuedAt", Date.from(issuedAt))
                .setOnInsert("verificationCode", signer.codeFor(id, completed.userId(), completed.courseId(), issuedAt,
                        course.visibility(), course.organizationId()))
                .setOnInsert(CertificateDocument.COURSE_VISIBILITY, course.visibility())
                .setOnInsert(CertificateDocument.COURSE_ORGANIZATION, course.organizationId());
        Outbox.record(issue, DomainEvent.of(organizationId, clock.instant(), new CertificateIssued(id, completed.userId(),
                completed.courseId(), courseTitle, issuedAt)));
        // only a missing certificate matches (the upsert inserts it); an issued one makes the insert a duplicate key,
        // which is "applied before": its CertificateIssued rode in its own insert
        Query notIssuedYet = Query.query(Criteria.where("_id").is(id).and("organizationId").is(organizationId)
                .and("issuedAt").exists(false));
        Idempotent.applyOnce(mongo, CertificateDocument.COLLECTION, notIssuedYet, issue, event.eventId(), true);
    }
}
