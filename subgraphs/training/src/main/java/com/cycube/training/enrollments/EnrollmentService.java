package com.cycube.training.enrollments;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.training.catalog.CatalogStore;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.catalog.CubeKind;
import com.cycube.training.catalog.LearningPathDocument;
import com.cycube.training.people.Seats;
import com.cycube.training.progress.Fact;
import com.cycube.training.progress.ProgressRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The trainee's side: enrolling, completing readings, recording study time, and reading enrollments. */
@Service
public class EnrollmentService {

    public static final int MAX_STUDY_SECONDS = 3600;

    private final EnrollmentStore store;
    private final CatalogStore catalog;
    private final Seats seats;
    private final ProgressRecorder recorder;
    private final Clock clock;

    public EnrollmentService(EnrollmentStore store, CatalogStore catalog, Seats seats, ProgressRecorder recorder, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.seats = seats;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Self-enrollment in a course or in every open course of a learning path (see the schema). */
    public EnrollPayload enroll(Caller caller, String courseId, String learningPathId) {
        caller.require(Role.TRAINEE, null);
        String orgId = caller.requireOrganization();
        if ((courseId == null) == (learningPathId == null)) {
            throw DomainException.badInput("Give exactly one of courseId and learningPathId");
        }
        List<CourseDocument> courses;
        String pathId = null;
        if (courseId != null) {
            courses = List.of(catalog.enrollableCourse(caller, courseId));
        } else {
            LearningPathDocument path = catalog.path(caller, learningPathId);
            pathId = path.id();
            courses = catalog.enrollableCourses(caller, path.courseIds());
            if (courses.isEmpty()) {
                throw DomainException.notFound("LearningPath", learningPathId);
            }
        }
        seats.claim(orgId, List.of(caller.subject()));
        boolean created = false;
        for (CourseDocument course : courses) {
            created |= store.enroll(orgId, caller.subject(), course.id(), null, pathId, null);
        }
        List<String> ids = courses.stream().map(c -> EnrollmentDocument.idFor(orgId, caller.subject(), c.id())).toList();
        List<EnrollmentDocument> found = store.rereadAll(ids);
        List<EnrollmentDocument> ordered = ids.stream()
                .flatMap(id -> found.stream().filter(e -> e.id().equals(id)).findFirst().stream()).toList();
        return new EnrollPayload(ordered, !created);
    }

    /** Marks a READING cube of the caller's own enrollment read (idempotent). */
    public EnrollmentDocument completeReading(Caller caller, String enrollmentId, String cubeId) {
        EnrollmentDocument enrollment = own(caller, enrollmentId);
        CourseDocument course = catalog.course(enrollment.courseId())
                .orElseThrow(() -> DomainException.notFound("Course", enrollment.courseId()));
        var cube = course.cube(cubeId).orElseThrow(() -> DomainException.notFound("Cube", cubeId));
        if (cube.kind() != CubeKind.READING) {
            throw DomainException.badInput("Cube " + cubeId + " is a " + cube.kind()
                    + " cube: only READING cubes are completed with completeReading");
        }
        recorder.record(enrollment.id(), Fact.reading(cubeId, clock.instant()), null);
        return store.reread(enrollment.id()).orElseThrow();
    }

    public EnrollmentDocument recordStudyTime(Caller caller, String enrollmentId, Integer seconds) {
        caller.require(Role.TRAINEE, null);
        if (seconds == null || seconds < 1 || seconds > MAX_STUDY_SECONDS) {
            throw DomainException.badInput("seconds must be between 1 and " + MAX_STUDY_SECONDS);
        }
        EnrollmentDocument enrollment = own(caller, enrollmentId);
        return store.addStudyTime(caller, enrollment, seconds)
                .orElseThrow(() -> DomainException.notFound("Enrollment", enrollmentId));
    }

    public Optional<EnrollmentDocument> get(Caller caller, String id) {
        caller.requireAuthenticated();
        return id == null ? Optional.empty() : store.findVisible(caller, id);
    }

    public Connection<EnrollmentDocument> mine(Caller caller, PageRequest page, ProgressStatus status) {
        caller.require(Role.TRAINEE, null);
        return store.mine(caller, status, page);
    }

    /**
     * The enrollment's progress now, read with its course directly (for a subscription push: DataLoaders are not
     * dispatched for subscription events).
     */
    public Progress progressNow(EnrollmentDocument enrollment) {
        return Progress.of(enrollment, catalog.course(enrollment.courseId()).orElse(null), clock.instant());
    }

    /** The caller's own enrollment, or NOT_FOUND (another trainee's, another organization's, missing). */
    private EnrollmentDocument own(Caller caller, String enrollmentId) {
        caller.require(Role.TRAINEE, null);
        caller.requireOrganization();
        return store.findVisible(caller, enrollmentId)
                .filter(e -> e.userId().equals(caller.subject()))
                .orElseThrow(() -> DomainException.notFound("Enrollment", enrollmentId));
    }
}
