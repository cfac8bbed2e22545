package com.cycube.catalog.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CourseRulesTest {

    private static final CourseContent TWO_MODULES = new CourseContent("Course", null, CourseLevel.BEGINNER, List.of(), List.of(
            new ModuleContent("m1", "One", List.of(new CubeContent("c1", CubeKind.QUIZ, "Quiz", null, null, 5))),
            new ModuleContent("m2", "Two", List.of(new CubeContent("c2", CubeKind.QUIZ, "Quiz", null, null, 7)))));

    @Test
    void titles_are_required_trimmed_and_bounded() {
        assertThat(CourseRules.title("  Phishing  ", "Course")).isEqualTo("Phishing");
        assertBadInput(() -> CourseRules.title(" ", "Course"));
        assertBadInput(() -> CourseRules.title(null, "Module"));
        assertBadInput(() -> CourseRules.title("x".repeat(201), "Course"));
    }

    @Test
    void each_cube_kind_has_its_own_requirements() {
        assertBadInput(() -> CourseRules.cube("c", CubeKind.LAB, "Lab", null, null, 30));
        assertBadInput(() -> CourseRules.cube("c", CubeKind.LAB, "Lab", null, "  ", 30));
        assertBadInput(() -> CourseRules.cube("c", CubeKind.READING, "Read", null, null, 30));
        assertBadInput(() -> CourseRules.cube("c", CubeKind.QUIZ, "Quiz", null, null, 0));
        assertBadInput(() -> CourseRules.cube("c", CubeKind.QUIZ, "Quiz", null, null, 601));
        assertBadInput(() -> CourseRules.cube("c", null, "Quiz", null, null, 5));
    }

    @Test
    void fields_that_do_not_belong_to_a_cube_kind_are_dropped() {
        CubeContent lab = CourseRules.cube("c", CubeKind.LAB, "Lab", "stray text", "tmpl-kali-ssh", 30);
        assertThat(lab.content()).isNull();
        assertThat(lab.labTemplateId()).isEqualTo("tmpl-kali-ssh");
        CubeContent reading = CourseRules.cube("c", CubeKind.READING, "Read", "# Hi", "tmpl-kali-ssh", 5);
        assertThat(reading.labTemplateId()).isNull();
    }

    @Test
    void reordering_must_name_every_module_exactly_once() {
        assertThat(CourseRules.reordered(TWO_MODULES, List.of("m2", "m1"))).extracting(ModuleContent::id).containsExactly("m2", "m1");
        assertBadInput(() -> CourseRules.reordered(TWO_MODULES, List.of("m2")));
        assertBadInput(() -> CourseRules.reordered(TWO_MODULES, List.of("m2", "m2")));
        assertBadInput(() -> CourseRules.reordered(TWO_MODULES, List.of("m2", "m1", "m3")));
    }

    @Test
    void insert_positions_are_one_based_and_within_the_list() {
        assertThat(CourseRules.insertPosition(null, 2)).isNull();
        assertThat(CourseRules.insertPosition(3, 2)).isEqualTo(3);
        assertBadInput(() -> CourseRules.insertPosition(0, 2));
        assertBadInput(() -> CourseRules.insertPosition(4, 2));
    }

    @Test
    void a_course_is_publishable_only_with_modules_that_all_hold_cubes() {
        CourseRules.publishable(TWO_MODULES);
        assertBadInput(() -> CourseRules.publishable(TWO_MODULES.withModules(List.of())));
        assertBadInput(() -> CourseRules.publishable(TWO_MODULES.withModuleInserted(new ModuleContent("m3", "Empty", List.of()), null)));
    }

    @Test
    void content_edits_return_new_content_and_keep_the_rest() {
        CourseContent edited = TWO_MODULES.withoutCube("c1").withModuleReplaced("m2", m -> m.withTitle("Second"));
        assertThat(edited.module("m1").orElseThrow().cubes()).isEmpty();
        assertThat(edited.module("m2").orElseThrow().title()).isEqualTo("Second");
        assertThat(edited.estimatedMinutes()).isEqualTo(7);
        assertThat(TWO_MODULES.estimatedMinutes()).isEqualTo(12);
    }

    private static void assertBadInput(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
    }
}
