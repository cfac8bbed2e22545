package com.cycube.training.progress;

import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.ProgressChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.persistence.OptimisticRetry;
import com.cycube.training.catalog.CatalogStore;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.enrollments.CubeState;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.enrollments.Progress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies a fact to an enrollment: one single-document compare-and-set on the enrollment's {@code revision}
 * ({@link EnrollmentStore#recordProgress}) that writes the new cube facts, {@code completedAt} on reaching 100 %,
 * and — in the same write, through the outbox — {@code training.CubeStarted} (the first fact about a cube),
 * {@code training.CubeCompleted}, {@code training.ProgressChanged} and {@code training.CourseCompleted}. The
 * compare-and-set means the progress is computed from exactly the state it replaces, so a cube started or completed
 * by two facts (even concurrently) starts or completes once and emits its events once; a lost race re-reads and
 * decides again ({@link OptimisticRetry}: CONFLICT when every attempt lost, which makes an event
 * come back later). With an event id the write is also applied at most once per event.
 */
@Component
public class ProgressRecorder {

    private final EnrollmentStore enrollments;
    private final CatalogStore catalog;
    private final Clock clock;

    public ProgressRecorder(EnrollmentStore enrollments, CatalogStore catalog, Clock clock) {
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
        return OptimisticRetry.until("The enrollment", () -> attempt(enrollmentId, fact, eventId));
    }

    /** One read-decide-write; empty when the enrollment changed in between (decide again). */
    private Optional<Boolean> attempt(String enrollmentId, Fact fact, String eventId) {
        Optional<EnrollmentDocument> current = enrollments.reread(enrollmentId);
        Optional<CourseDocument> course = current.flatMap(enrollment -> catalog.course(enrollment.courseId()));
        Optional<ProgressRules.Outcome> outcome = course.flatMap(structure -> ProgressRules.apply(current.get(), structure, fact));
        if (outcome.isEmpty()) {
            return Optional.of(false);
        }
        EnrollmentDocument before = current.get();
        Instant now = clock.instant();
        CubeState cube = outcome.get().cube();
        Instant lastActivityAt = ProgressRules.later(before.lastActivityAt(), cube.lastActivityAt());
        EnrollmentDocument after = before.progressed(outcome.get().cubes(), lastActivityAt, before.completedAt(), now);
        boolean courseCompletedNow = outcome.get().completedNow() && before.completedAt() == null
                && Progress.of(after, course.get(), now).allCubesCompleted();
        if (courseCompletedNow) {
            after = before.progressed(outcome.get().cubes(), lastActivityAt, now, now);
        }
        List<DomainEvent> events = events(after, outcome.get(), course.get(), courseCompletedNow, now);
        if (enrollments.recordProgress(before, after, eventId, events)) {
            return Optional.of(true);
        }
        return eventId != null && enrollments.applied(enrollmentId, eventId) ? Optional.of(false) : Optional.empty();
    }

    /**
     * What a fact announces, in this order: CubeStarted when it is the first fact about the cube; with a completed
     * cube CubeCompleted and ProgressChanged, and CourseCompleted with the last cube.
     */
    private static List<DomainEvent> events(EnrollmentDocument after, ProgressRules.Outcome outcome, CourseDocument course,
                                            boolean courseCompletedNow, Instant now) {
        String orgId = after.organizationId();
        CubeState cube = outcome.cube();
        List<DomainEvent> events = new ArrayList<>();
        if (outcome.startedNow()) {
            events.add(DomainEvent.of(orgId, now, new CubeStarted(after.id(), after.userId(), after.courseId(), cube.cubeId())));
        }
        if (!outcome.completedNow()) {
            return events;
        }
        Progress progress = Progress.of(after, course, now);
        events.add(DomainEvent.of(orgId, now, new CubeCompleted(after.id(), after.userId(), after.courseId(), cube.cubeId(),
                cube.completedBy().name())));
        events.add(DomainEvent.of(orgId, now, new ProgressChanged(after.id(), after.userId(), after.courseId(), progress.percent(),
                progress.completedCubes(), progress.totalCubes(), progress.score(), progress.status().name())));
        if (courseCompletedNow) {
            events.add(DomainEvent.of(orgId, now, new CourseCompleted(after.id(), after.userId(), after.courseId(),
                    course.title(), progress.score(), now)));
        }
        return events;
    }
}
