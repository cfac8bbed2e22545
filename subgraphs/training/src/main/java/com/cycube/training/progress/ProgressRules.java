package com.cycube.training.progress;

import com.cycube.training.catalog.CourseCube;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.catalog.CubeKind;
import com.cycube.training.enrollments.CubeState;
import com.cycube.training.enrollments.EnrollmentDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one fact changes an enrollment's cube facts (pure rules, unit-tested): only cubes of the course count; a
 * READING cube is completed by reading, a QUIZ cube by a passed quiz, a LAB cube by its objectives or by a passed
 * quiz on its questions; a cube completes once (later facts keep the first completion); the first passing score
 * of a cube is kept; attempts add up; last activity only moves forward.
 */
public final class ProgressRules {

    private ProgressRules() {
    }

    /**
     * The outcome of a fact: the new cube facts, whether it is the first fact about the cube (its state appears now),
     * and whether it completed the cube just now.
     */
    public record Outcome(List<CubeState> cubes, CubeState cube, boolean startedNow, boolean completedNow) {
    }

    /** Empty when the fact changes nothing visible (unknown cube, a fact of the wrong kind, a repeat). */
    public static Optional<Outcome> apply(EnrollmentDocument enrollment, CourseDocument course, Fact fact) {
        Optional<CourseCube> structure = course.cube(fact.cubeId());
        if (structure.isEmpty()) {
            return Optional.empty();
        }
        CubeKind kind = structure.get().kind();
        List<CubeState> cubes = new ArrayList<>(enrollment.cubes());
        int index = -1;
        for (int i = 0; i < cubes.size(); i++) {
            if (cubes.get(i).cubeId().equals(fact.cubeId())) {
                index = i;
            }
        }
        CubeState before = index >= 0 ? cubes.get(index) : CubeState.fresh(fact.cubeId());
        boolean completes = fact.completes() != null && !before.completed() && completes(kind, fact.completes());
        boolean scores = fact.score() != null && before.score() == null && (kind == CubeKind.QUIZ || kind == CubeKind.LAB);
        Instant activity = later(before.lastActivityAt(), fact.at());
        CubeState after = new CubeState(fact.cubeId(), before.attempts() + (fact.attempt() ? 1 : 0), activity,
                completes ? fact.at() : before.completedAt(), completes ? fact.completes() : before.completedBy(),
                scores ? Integer.valueOf(Math.max(0, Math.min(100, fact.score()))) : before.score());
        if (after.equals(before)) {
            return Optional.empty();
        }
        if (index >= 0) {
            cubes.set(index, after);
        } else {
            cubes.add(after);
        }
        return Optional.of(new Outcome(cubes, after, index < 0, completes));
    }

    static boolean completes(CubeKind cube, CubeKind by) {
        return switch (cube) {
            case READING -> by == CubeKind.READING;
            case QUIZ -> by == CubeKind.QUIZ;
            case LAB -> by == CubeKind.LAB || by == CubeKind.QUIZ;
        };
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
