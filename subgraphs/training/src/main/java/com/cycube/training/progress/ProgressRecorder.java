package com.cycube.training.progress;

import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Idempotent;
import com.cycube.support.events.Outbox;
import com.cycube.training.catalog.CatalogStore;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.enrollments.Progress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies a fact to an enrollment: one single-document compare-and-set on the enrollment's {@code revision} that
 * writes the new cube facts, the progress numbers, {@code completedAt} on reaching 100 %, and — in the same write,
 * through the outbox — {@code training.CubeCompleted}, {@code training.ProgressChanged} and
 * {@code training.CourseCompleted}. The compare-and-set means the progress is computed from exactly the state it
 * replaces, so a cube completed by two facts (even concurrently) completes once and emits its events once. With an
 * event id the write is also {@link Idempotent#applyOnce applied once} per event.
 *
 * <p>Uses {@link MongoTemplate}: it runs for event handlers (no caller) and for requests whose ownership of the
 * enrollment was checked before; the criteria always name the enrollment's organization.
 */
@Component
public class ProgressRecorder {

    public static final String CUBE_COMPLETED = "training.CubeCompleted";
    public static final String PROGRESS_CHANGED = "training.ProgressChanged";
    public static final String COURSE_COMPLETED = "training.CourseCompleted";
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final EnrollmentStore enrollments;
    private final CatalogStore catalog;
    private final Clock clock;

    public ProgressRecorder(MongoTemplate mongo, EnrollmentStore enrollments, CatalogStore catalog, Clock clock) {
        this.mongo = mongo;
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Applies {@code fact} to the enrollment (at most once for {@code eventId}, when given).
     *
     * @return true when something visible changed now
     */
    public boolean record(String enrollmentId, Fact fact, String eventId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<EnrollmentDocument> current = enrollments.reread(enrollmentId);
            if (current.isEmpty()) {
                return false;
            }
            EnrollmentDocument enrollment = current.get();
            Optional<CourseDocument> course = catalog.course(enrollment.courseId());
            if (course.isEmpty()) {
                return false;
            }
            Optional<ProgressRules.Outcome> outcome = ProgressRules.apply(enrollment, course.get(), fact);
            if (outcome.isEmpty()) {
                return false;
            }
            Query unchanged = Query.query(Criteria.where("_id").is(enrollment.id())
                    .and("organizationId").is(enrollment.organizationId()).and("revision").is(enrollment.revision()));
            Update update = update(enrollment, course.get(), outcome.get());
            boolean applied = eventId == null
                    ? mongo.updateFirst(unchanged, update, EnrollmentDocument.COLLECTION).getModifiedCount() > 0
                    : Idempotent.applyOnce(mongo, EnrollmentDocument.COLLECTION, unchanged, update, eventId, false);
            if (applied) {
                return true;
            }
            if (eventId != null && alreadyApplied(enrollmentId, eventId)) {
                return false;
            }
        }
        throw new IllegalStateException("Enrollment " + enrollmentId + " kept changing; the fact will be retried");
    }

    private boolean alreadyApplied(String enrollmentId, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(enrollmentId).and(Idempotent.APPLIED).is(eventId)),
                EnrollmentDocument.COLLECTION);
    }

    private Update update(EnrollmentDocument enrollment, CourseDocument course, ProgressRules.Outcome outcome) {
        Instant now = clock.instant();
        MongoConverter converter = mongo.getConverter();
        List<Object> cubes = new ArrayList<>();
        outcome.cubes().forEach(cube -> cubes.add(converter.convertToMongoType(cube)));
        Update update = new Update().set("cubes", cubes).inc("revision", 1).set("changedAt", Date.from(now));
        if (outcome.cube().lastActivityAt() != null) {
            update.max("lastActivityAt", Date.from(outcome.cube().lastActivityAt()));
        }
        if (!outcome.completedNow()) {
            return update;
        }
        EnrollmentDocument after = new EnrollmentDocument(enrollment.id(), enrollment.organizationId(), enrollment.userId(),
                enrollment.courseId(), enrollment.assignmentIds(), enrollment.pathIds(), enrollment.dueAt(),
                enrollment.enrolledAt(), outcome.cubes(), enrollment.timeSpentSeconds(), enrollment.lastActivityAt(),
                enrollment.completedAt(), enrollment.revision() + 1, now);
        Progress progress = Progress.of(after, course, now);
        boolean courseCompletedNow = enrollment.completedAt() == null && progress.totalCubes() > 0
                && progress.completedCubes() == progress.totalCubes();
        if (courseCompletedNow) {
            update.set("completedAt", Date.from(now));
            progress = Progress.of(new EnrollmentDocument(after.id(), after.organizationId(), after.userId(), after.courseId(),
                    after.assignmentIds(), after.pathIds(), after.dueAt(), after.enrolledAt(), after.cubes(),
                    after.timeSpentSeconds(), after.lastActivityAt(), now, after.revision(), now), course, now);
        }
        List<DomainEvent> events = new ArrayList<>();
        events.add(event(CUBE_COMPLETED, enrollment, now, Map.of("cubeId", outcome.cube().cubeId(),
                "how", outcome.cube().completedBy().name())));
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("percent", progress.percent());
        changed.put("completedCubes", progress.completedCubes());
        changed.put("totalCubes", progress.totalCubes());
        changed.put("score", progress.score());
        changed.put("status", progress.status().name());
        events.add(event(PROGRESS_CHANGED, enrollment, now, changed));
        if (courseCompletedNow) {
            Map<String, Object> completed = new LinkedHashMap<>();
            completed.put("courseTitle", course.title());
            completed.put("score", progress.score());
            completed.put("completedAt", Date.from(now));
            events.add(event(COURSE_COMPLETED, enrollment, now, completed));
        }
        return Outbox.record(update, events.toArray(DomainEvent[]::new));
    }

    private static DomainEvent event(String type, EnrollmentDocument enrollment, Instant now, Map<String, Object> fields) {
        Document payload = new Document("enrollmentId", enrollment.id()).append("userId", enrollment.userId())
                .append("courseId", enrollment.courseId());
        payload.putAll(fields);
        return new DomainEvent(UUID.randomUUID().toString(), type, enrollment.organizationId(), null, now, payload);
    }
}
