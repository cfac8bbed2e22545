package com.cycube.training.enrollments;

import com.cycube.training.catalog.CourseCube;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.catalog.CubeKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Progress as the schema shows it, computed from an enrollment's facts and its course's structure (the rules, free
 * of Spring and MongoDB). Only cubes of the course's latest published structure count.
 */
public record Progress(int percent, int completedCubes, int totalCubes, Double score, long timeSpentSeconds,
                       Instant lastActivityAt, ProgressStatus status, Instant completedAt, List<CubeProgress> cubes) {

    /** One cube of the course with the trainee's facts about it. */
    public record CubeProgress(String cubeId, CubeKind kind, boolean completed, Instant completedAt, CubeKind completedBy,
                               int attempts, Integer score, Instant lastActivityAt) {
    }

    public static Progress of(EnrollmentDocument enrollment, CourseDocument course, Instant now) {
        List<CourseCube> structure = course == null ? List.of() : course.cubes();
        Map<String, CubeState> facts = enrollment.cubes().stream()
                .collect(Collectors.toMap(CubeState::cubeId, Function.identity(), (a, b) -> a));
        List<CubeProgress> cubes = structure.stream().map(cube -> {
            CubeState state = facts.getOrDefault(cube.cubeId(), CubeState.fresh(cube.cubeId()));
            return new CubeProgress(cube.cubeId(), cube.kind(), state.completed(), state.completedAt(), state.completedBy(),
                    state.attempts(), state.score(), state.lastActivityAt());
        }).toList();
        int completed = (int) cubes.stream().filter(CubeProgress::completed).count();
        int total = cubes.size();
        Double score = cubes.stream().filter(cube -> cube.score() != null).mapToInt(CubeProgress::score).average()
                .stream().boxed().findFirst().orElse(null);
        return new Progress(percent(completed, total), completed, total, score, enrollment.timeSpentSeconds(),
                enrollment.lastActivityAt(), status(enrollment.completedAt(), enrollment.dueAt(), now),
                enrollment.completedAt(), cubes);
    }

    /** Whether the course has cubes and every one of them is completed. */
    public boolean allCubesCompleted() {
        return totalCubes > 0 && completedCubes == totalCubes;
    }

    public static int percent(int completed, int total) {
        return total == 0 ? 0 : completed * 100 / total;
    }

    public static ProgressStatus status(Instant completedAt, Instant dueAt, Instant now) {
        if (completedAt != null) {
            return ProgressStatus.COMPLETED;
        }
        return dueAt != null && now.isAfter(dueAt) ? ProgressStatus.OVERDUE : ProgressStatus.ON_TRACK;
    }
}
