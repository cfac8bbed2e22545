package com.cycube.analytics.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Course.analytics: the funnel, where learners drop off, and which questions are hard or leak; a manager sees their
 * organization's learners, root every organization's, nobody another organization's private course.
 */
class CourseAnalyticsTest extends LearningFacts {

    static final String ANALYTICS = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Course { id analytics {
              courseId organizationId enrolled started completed completionRate averageScore
              cubes { cubeId position kind started completed dropOff }
              questions { questionId cubeId learnersAnswered correctRate averageAttempts hintUseRate averageHints }
            } } } }""";

    @BeforeEach
    void twoAcmeLearnersAndOneFromGlobex() {
        selfEnrolled(Persona.ACME_TRAINEE, "course-phishing");
        cubeStarted(Persona.ACME_TRAINEE, "course-phishing", "read-1");
        cubeCompleted(Persona.ACME_TRAINEE, "course-phishing", "read-1");
        cubeStarted(Persona.ACME_TRAINEE, "course-phishing", "quiz-1");
        answered(Persona.ACME_TRAINEE, "quiz-1", "q-1", 1, false, 1);
        answered(Persona.ACME_TRAINEE, "quiz-1", "q-1", 2, true, 1);
        answered(Persona.ACME_TRAINEE, "quiz-1", "q-2", 1, true, 0);
        selfEnrolled(OTHER_ACME_TRAINEE, "course-phishing");
        cubeStarted(OTHER_ACME_TRAINEE, "course-phishing", "read-1");
        answered(OTHER_ACME_TRAINEE, "quiz-1", "q-1", 1, true, 0);
        selfEnrolled(Persona.GLOBEX_TRAINEE, "course-phishing");
        drain();
    }

    private GraphQlClient.Response analytics(Persona persona, String courseId) {
        return as(persona, ANALYTICS, Map.of("reps", List.of(Map.of("__typename", "Course", "id", courseId))));
    }

    @Test
    void the_funnel_and_drop_off_follow_the_course_order() {
        GraphQlClient.Response response = analytics(Persona.ACME_MANAGER, "course-phishing").assertNoErrors();

        assertThat(response.<Integer>get("data._entities[0].analytics.enrolled")).isEqualTo(2);
        assertThat(response.<Integer>get("data._entities[0].analytics.started")).isEqualTo(2);
        assertThat(response.<Integer>get("data._entities[0].analytics.completed")).isEqualTo(0);
        List<Map<String, Object>> cubes = response.get("data._entities[0].analytics.cubes");
        assertThat(cubes).extracting(cube -> cube.get("cubeId")).containsExactly("read-1", "quiz-1", "lab-1");
        assertThat(cubes.get(0)).containsEntry("started", 2).containsEntry("completed", 1).containsEntry("dropOff", 1);
        assertThat(cubes.get(1)).containsEntry("started", 1).containsEntry("completed", 0);
        assertThat(cubes.get(2)).containsEntry("started", 0);
    }

    @Test
    void each_question_shows_its_correct_rate_attempts_and_hint_use_hardest_first() {
        GraphQlClient.Response response = analytics(Persona.ACME_MANAGER, "course-phishing").assertNoErrors();

        List<Map<String, Object>> questions = response.get("data._entities[0].analytics.questions");
        assertThat(questions).extracting(q -> q.get("questionId")).containsExactlyInAnyOrder("q-1", "q-2");
        Map<String, Object> q1 = questions.stream().filter(q -> "q-1".equals(q.get("questionId"))).findFirst().orElseThrow();
        assertThat(q1).containsEntry("learnersAnswered", 2).containsEntry("correctRate", 1.0)
                .containsEntry("averageAttempts", 1.5).containsEntry("hintUseRate", 0.5).containsEntry("cubeId", "quiz-1");
    }

    @Test
    void root_sees_every_organization_a_manager_only_theirs_and_nobody_another_organizations_private_course() {
        assertThat(analytics(Persona.ROOT, "course-phishing").assertNoErrors()
                .<Integer>get("data._entities[0].analytics.enrolled")).isEqualTo(3);
        assertThat(analytics(Persona.ROOT, "course-phishing").<Object>get("data._entities[0].analytics.organizationId"))
                .isNull();
        assertThat(analytics(Persona.GLOBEX_MANAGER, "course-phishing").assertNoErrors()
                .<Integer>get("data._entities[0].analytics.enrolled")).isEqualTo(1);
        assertThat(analytics(Persona.ACME_MANAGER, "course-globex-secrets").errorCodes()).containsExactly("NOT_FOUND");
        assertThat(analytics(Persona.ACME_TRAINEE, "course-phishing").errorCodes()).containsExactly("FORBIDDEN");
    }
}
