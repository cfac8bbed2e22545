package com.cycube.analytics.enrollments;

import com.cycube.analytics.readmodel.Merge;
import java.time.Instant;
import java.util.List;

/**
 * What analytics knows about one enrollment, built from training's events in any order: every change below is a
 * set union, a minimum, a maximum or a once-only value, so the same facts give the same state whatever order and
 * however many times they arrive (docs/events.md §7).
 *
 * @param enrolledAt      from {@code Enrolled}; null until it arrives (enrollments from before it existed never get one)
 * @param firstFactAt     the earliest fact about the enrollment: its start when {@code enrolledAt} is unknown
 * @param assigned        whether an assignment covers it
 * @param dueAt           the earliest due date of its assignments, null without
 * @param startedCubes    cubes with a first fact, sorted
 * @param completedCubes  completed cubes, sorted
 * @param percent         the highest progress percentage reported
 * @param completedAt     when the course was completed, null while it is not
 * @param score           the course's score at completion (0–100), null without quizzes
 * @param lastActivityAt  the learner's latest own action on it
 */
public record EnrollmentState(String enrollmentId, String organizationId, String userId, String courseId,
                              Instant enrolledAt, Instant firstFactAt, boolean assigned, List<String> assignmentIds,
                              List<String> pathIds, Instant dueAt, List<String> startedCubes,
                              List<String> completedCubes, int percent, Instant completedAt, Double score,
                              long timeSpentSeconds, Instant lastActivityAt) {

    public EnrollmentState {
        assignmentIds = Merge.sorted(assignmentIds);
        pathIds = Merge.sorted(pathIds);
        startedCubes = Merge.sorted(startedCubes);
        completedCubes = Merge.sorted(completedCubes);
    }

    static EnrollmentState empty(String enrollmentId, String organizationId, String userId, String courseId) {
        return new EnrollmentState(enrollmentId, organizationId, userId, courseId, null, null, false, List.of(),
                List.of(), null, List.of(), List.of(), 0, null, null, 0, null);
    }

    /** When the enrollment began: its enrollment time, or the earliest fact about it. */
    public Instant startedAt() {
        return enrolledAt != null ? enrolledAt : firstFactAt;
    }

    public boolean completed() {
        return completedAt != null;
    }

    /** Whether the learner did anything in it yet (a cube started or completed). */
    public boolean begun() {
        return !startedCubes.isEmpty() || !completedCubes.isEmpty() || completed();
    }

    public EnrollmentState fact(Instant at) {
        return with(b -> b.firstFactAt = Merge.earliest(firstFactAt, at));
    }

    public EnrollmentState enrolled(Instant at, String assignmentId, String pathId, Instant due) {
        return fact(at).with(b -> {
            b.enrolledAt = Merge.earliest(enrolledAt, at);
            addAssignment(b, assignmentId, pathId, due);
        });
    }

    public EnrollmentState assignedTo(String assignmentId, String pathId, Instant due) {
        return with(b -> addAssignment(b, assignmentId, pathId, due));
    }

    public EnrollmentState cubeStarted(String cubeId) {
        return with(b -> b.startedCubes = Merge.union(startedCubes, cubeId));
    }

    public EnrollmentState cubeCompleted(String cubeId) {
        return with(b -> {
            b.startedCubes = Merge.union(startedCubes, cubeId);
            b.completedCubes = Merge.union(completedCubes, cubeId);
        });
    }

    public EnrollmentState progressed(int newPercent) {
        return with(b -> b.percent = Math.max(percent, newPercent));
    }

    public EnrollmentState courseCompleted(Instant at, Double courseScore) {
        return with(b -> {
            if (completedAt == null || at.isBefore(completedAt)) {
                b.completedAt = at;
                b.score = courseScore;
            }
            b.percent = 100;
        });
    }

    public EnrollmentState studied(int seconds) {
        return with(b -> b.timeSpentSeconds = timeSpentSeconds + seconds);
    }

    public EnrollmentState activeAt(Instant at) {
        return with(b -> b.lastActivityAt = Merge.latest(lastActivityAt, at));
    }

    private static void addAssignment(Builder b, String assignmentId, String pathId, Instant due) {
        if (assignmentId != null) {
            b.assigned = true;
            b.assignmentIds = Merge.union(b.assignmentIds, assignmentId);
        }
        if (pathId != null) {
            b.pathIds = Merge.union(b.pathIds, pathId);
        }
        b.dueAt = Merge.earliest(b.dueAt, due);
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    private EnrollmentState with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        Instant enrolledAt;
        Instant firstFactAt;
        boolean assigned;
        List<String> assignmentIds;
        List<String> pathIds;
        Instant dueAt;
        List<String> startedCubes;
        List<String> completedCubes;
        int percent;
        Instant completedAt;
        Double score;
        long timeSpentSeconds;
        Instant lastActivityAt;
        private final EnrollmentState from;

        Builder(EnrollmentState s) {
            from = s;
            enrolledAt = s.enrolledAt;
            firstFactAt = s.firstFactAt;
            assigned = s.assigned;
            assignmentIds = s.assignmentIds;
            pathIds = s.pathIds;
            dueAt = s.dueAt;
            startedCubes = s.startedCubes;
            completedCubes = s.completedCubes;
            percent = s.percent;
            completedAt = s.completedAt;
            score = s.score;
            timeSpentSeconds = s.timeSpentSeconds;
            lastActivityAt = s.lastActivityAt;
        }

        EnrollmentState build() {
            return new EnrollmentState(from.enrollmentId, from.organizationId, from.userId, from.courseId, enrolledAt,
                    firstFactAt, assigned, assignmentIds, pathIds, dueAt, startedCubes, completedCubes, percent,
                    completedAt, score, timeSpentSeconds, lastActivityAt);
        }
    }
}
