package com.cycube.training.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.training.catalog.CourseCube;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.catalog.CubeKind;
import com.cycube.training.enrollments.CubeState;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.Progress;
import com.cycube.training.enrollments.ProgressStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress rules on their own: which fact completes which cube, scores, attempts, percent and status. */
class ProgressRulesTest {

    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    static final CourseDocument COURSE = new CourseDocument("c", null, "Course", 1, List.of(
            new CourseCube("read", "m", CubeKind.READING, null, 5, 0),
            new CourseCube("quiz", "m", CubeKind.QUIZ, null, 5, 1),
            new CourseCube("lab", "m", CubeKind.LAB, "tmpl", 5, 2)), T, null);

    static EnrollmentDocument enrollment(List<CubeState> cubes, Instant dueAt) {
        return new EnrollmentDocument("e", "org", "u", "c", List.of(), List.of(), dueAt, T, cubes, 0, null, null, 1, T);
    }

    @Test
    void each_kind_of_cube_is_completed_only_by_its_own_kind_of_fact() {
        EnrollmentDocument none = enrollment(List.of(), null);
        assertThat(ProgressRules.apply(none, COURSE, Fact.reading("read", T)).orElseThrow().completedNow()).isTrue();
        assertThat(ProgressRules.apply(none, COURSE, Fact.quizPassed("quiz", T, 80)).orElseThrow().completedNow()).isTrue();
        assertThat(ProgressRules.apply(none, COURSE, Fact.labObjectivesMet("lab", T)).orElseThrow().completedNow()).isTrue();
        assertThat(ProgressRules.apply(none, COURSE, Fact.quizPassed("lab", T, 70)).orElseThrow().completedNow())
                .as("a LAB cube with questions").isTrue();
        // a fact of the wrong kind is still activity on the cube, but completes nothing
        assertThat(ProgressRules.apply(none, COURSE, Fact.labObjectivesMet("quiz", T)).orElseThrow().completedNow()).isFalse();
        assertThat(ProgressRules.apply(none, COURSE, Fact.reading("quiz", T)).orElseThrow().cube().completed()).isFalse();
        assertThat(ProgressRules.apply(none, COURSE, Fact.reading("not-in-course", T))).isEmpty();
    }

    @Test
    void a_cube_completes_once_and_keeps_its_first_completion_and_score() {
        EnrollmentDocument once = enrollment(ProgressRules.apply(enrollment(List.of(), null), COURSE,
                Fact.quizPassed("quiz", T, 80)).orElseThrow().cubes(), null);
        assertThat(ProgressRules.apply(once, COURSE, Fact.quizPassed("quiz", T, 80))).isEmpty();
        ProgressRules.Outcome later = ProgressRules.apply(once, COURSE, Fact.quizPassed("quiz", T.plusSeconds(60), 95)).orElseThrow();
        assertThat(later.completedNow()).isFalse();
        assertThat(later.cube().completedAt()).isEqualTo(T);
        assertThat(later.cube().score()).isEqualTo(80);
    }

    @Test
    void a_cube_is_started_by_the_first_fact_about_it_whatever_that_fact_is() {
        EnrollmentDocument none = enrollment(List.of(), null);
        assertThat(ProgressRules.apply(none, COURSE, Fact.activity("quiz", T, true)).orElseThrow().startedNow()).isTrue();
        ProgressRules.Outcome readNow = ProgressRules.apply(none, COURSE, Fact.reading("read", T)).orElseThrow();
        assertThat(readNow.startedNow()).as("started and completed by one fact").isTrue();
        assertThat(readNow.completedNow()).isTrue();

        EnrollmentDocument active = enrollment(ProgressRules.apply(none, COURSE, Fact.activity("quiz", T, true)).orElseThrow().cubes(), null);
        ProgressRules.Outcome passed = ProgressRules.apply(active, COURSE, Fact.quizPassed("quiz", T.plusSeconds(60), 90)).orElseThrow();
        assertThat(passed.startedNow()).as("started by the earlier answer").isFalse();
        assertThat(passed.completedNow()).isTrue();
        assertThat(ProgressRules.apply(active, COURSE, Fact.activity("lab", T, true)).orElseThrow().startedNow())
                .as("another cube starts on its own").isTrue();
    }

    @Test
    void attempts_add_up_and_last_activity_only_moves_forward() {
        EnrollmentDocument e = enrollment(ProgressRules.apply(enrollment(List.of(), null), COURSE,
                Fact.activity("quiz", T, true)).orElseThrow().cubes(), null);
        ProgressRules.Outcome second = ProgressRules.apply(e, COURSE, Fact.activity("quiz", T.minusSeconds(5), true)).orElseThrow();
        assertThat(second.cube().attempts()).isEqualTo(2);
        assertThat(second.cube().lastActivityAt()).isEqualTo(T);
    }

    @Test
    void percent_score_and_status_are_computed_from_the_course_structure_and_the_clock() {
        List<CubeState> cubes = List.of(new CubeState("quiz", 1, T, T, CubeKind.QUIZ, 80),
                new CubeState("lab", 0, T, T, CubeKind.QUIZ, 60), new CubeState("gone", 0, T, T, CubeKind.READING, null));
        Progress progress = Progress.of(enrollment(cubes, T.plus(Duration.ofDays(1))), COURSE, T);
        assertThat(progress.completedCubes()).isEqualTo(2);
        assertThat(progress.totalCubes()).isEqualTo(3);
        assertThat(progress.percent()).isEqualTo(66);
        assertThat(progress.score()).isEqualTo(70.0);
        assertThat(progress.status()).isEqualTo(ProgressStatus.ON_TRACK);
        assertThat(Progress.of(enrollment(cubes, T.plus(Duration.ofDays(1))), COURSE, T.plus(Duration.ofDays(2))).status())
                .isEqualTo(ProgressStatus.OVERDUE);
        assertThat(Progress.status(T, T.minusSeconds(1), T.plus(Duration.ofDays(9)))).isEqualTo(ProgressStatus.COMPLETED);
    }
}
