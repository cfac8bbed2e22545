package com.cycube.assessment.certificates;

import com.cycube.assessment.AssessmentProperties;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.Idempotent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Issues a certificate for {@code training.CourseCompleted} when the course score reaches
 * {@code cycube.assessment.certificates.passing-score}. Idempotent twice over: the certificate id is derived from
 * the enrollment id, and the issuing upsert only sets fields on insert — a redelivered event, or another
 * CourseCompleted for the same enrollment, leaves the first certificate as it is. Trusted system code without a
 * caller: MongoTemplate, scoped by the event's organization.
 */
@Component
public class CourseCompletedHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(CourseCompletedHandler.class);

    private final MongoTemplate mongo;
    private final CertificateSigner signer;
    private final int passingScore;

    public CourseCompletedHandler(MongoTemplate mongo, CertificateSigner signer, AssessmentProperties properties) {
        this.mongo = mongo;
        this.signer = signer;
        this.passingScore = properties.certificates().passingScore();
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
        return Set.of("training.CourseCompleted");
    }

    @Override
    public void handle(DomainEvent event) {
        String enrollmentId = event.string("enrollmentId");
        String userId = event.string("userId");
        String courseId = event.string("courseId");
        Object score = event.payload().get("score");
        if (enrollmentId == null || userId == null || courseId == null || !(score instanceof Number number)
                || event.orgId() == null) {
            log.warn("Ignoring {} {}: payload without enrollmentId, userId, courseId, score or organization",
                    event.type(), event.eventId());
            return;
        }
        if (number.doubleValue() < passingScore) {
            return; // completed below the passing score: no certificate
        }
        String id = certificateIdFor(enrollmentId);
        // stored dates have millisecond precision: sign what is stored
        Instant issuedAt = completedAt(event).truncatedTo(ChronoUnit.MILLIS);
        String title = event.string("courseTitle");
        Update issue = new Update()
                .setOnInsert("userId", userId)
                .setOnInsert("enrollmentId", enrollmentId)
                .setOnInsert("courseId", courseId)
                .setOnInsert("courseTitle", title == null ? courseId : title)
                .setOnInsert("score", (int) Math.round(number.doubleValue()))
                .setOnInsert("issuedAt", Date.from(issuedAt))
                .setOnInsert("verificationCode", signer.codeFor(id, userId, courseId, issuedAt));
        Query certificate = Query.query(Criteria.where("_id").is(id).and("organizationId").is(event.orgId()));
        Idempotent.applyOnce(mongo, CertificateDocument.COLLECTION, certificate, issue, event.eventId(), true);
    }

    private static Instant completedAt(DomainEvent event) {
        Object completedAt = event.payload().get("completedAt");
        if (completedAt instanceof Date date) {
            return date.toInstant();
        }
        if (completedAt instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (RuntimeException notAnInstant) {
                // fall back to when the event happened
            }
        }
        return event.occurredAt();
    }
}
