package com.cycube.analytics.skills;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * skillCoverage: skills covered by completed courses, learners per skill, and the gaps against assigned paths, for an
 * organization or a team; scoped like the dashboards.
 */
class SkillCoverageTest extends LearningFacts {

    static final String COVERAGE = """
            query($org: ID, $team: ID) { skillCoverage(organizationId: $org, teamId: $team) {
              organizationId teamId members
              skills { skillId framework code name learnersCovered learnersRequired learnersMissing } } }""";

    /**
     * course-phishing teaches T1566 (set-up); course-ir teaches T1059 and T1566; path-soc = course-ir. Adam completed
     * phishing; both Adam and Olga are assigned path-soc, nobody completed course-ir.
     */
    @BeforeEach
    void skills() {
        append(null, new CoursePublished("course-ir", (int) nextVersion("course-ir"), "Incident response", "GLOBAL", null,
                List.of(cube("ir-read", "READING")), List.of(
                        new CoursePublished.Skill("skill-t1059", "MITRE_ATTACK", "T1059", "Command and Scripting Interpreter"),
                        new CoursePublished.Skill("skill-t1566", "MITRE_ATTACK", "T1566", "Phishing"))));
        append(null, new LearningPathPublished("path-soc", nextVersion("path-soc"), "SOC analyst", "GLOBAL", null,
                List.of("course-ir")));
        drain();
        selfEnrolled(Persona.ACME_TRAINEE, "course-phishing");
        courseCompleted(Persona.ACME_TRAINEE, "course-phishing", 80.0);
        for (Persona learner : List.of(Persona.ACME_TRAINEE, OTHER_ACME_TRAINEE)) {
            append(ACME, new Enrolled(enrollmentId(learner, "course-ir"), learner.subject(), "course-ir", "ASSIGNMENT",
                    "assignment-soc", "path-soc", clock.instant().plus(Duration.ofDays(14)), clock.instant()));
        }
        drain();
    }

    private GraphQlClient.Response coverage(Persona persona, String org, String team) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("org", org);
        variables.put("team", team);
        return as(persona, COVERAGE, variables);
    }

    private static Map<String, Object> skill(GraphQlClient.Response response, String skillId) {
        List<Map<String, Object>> skills = response.get("data.skillCoverage.skills");
        return skills.stream().filter(s -> skillId.equals(s.get("skillId"))).findFirst().orElseThrow();
    }

    @Test
    void the_organization_sees_who_covered_each_skill_and_the_gaps_of_its_assigned_paths_largest_first() {
        GraphQlClient.Response response = coverage(Persona.ACME_MANAGER, null, null).assertNoErrors();

        assertThat(skill(response, "skill-t1566")).containsEntry("code", "T1566").containsEntry("framework", "MITRE_ATTACK")
                .containsEntry("learnersCovered", 1).containsEntry("learnersRequired", 2).containsEntry("learnersMissing", 1);
        assertThat(skill(response, "skill-t1059")).containsEntry("learnersCovered", 0).containsEntry("learnersRequired", 2)
                .containsEntry("learnersMissing", 2);
        assertThat(response.<List<String>>get("data.skillCoverage.skills[*].skillId"))
                .containsExactly("skill-t1059", "skill-t1566");
    }

    @Test
    void a_team_sees_its_members_only_and_completing_the_path_closes_the_gap() {
        GraphQlClient.Response blue = coverage(Persona.ACME_MANAGER, null, "team-acme-blue").assertNoErrors();
        assertThat(skill(blue, "skill-t1059")).containsEntry("learnersRequired", 1).containsEntry("learnersMissing", 1);

        courseCompleted(Persona.ACME_TRAINEE, "course-ir", 90.0);
        drain();

        assertThat(skill(coverage(Persona.ACME_MANAGER, null, "team-acme-blue").assertNoErrors(), "skill-t1059"))
                .containsEntry("learnersCovered", 1).containsEntry("learnersMissing", 0);
    }

    @Test
    void it_is_scoped_like_the_dashboards() {
        assertThat(coverage(Persona.ACME_TRAINEE, null, null).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(coverage(Persona.GLOBEX_MANAGER, ACME, null).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(coverage(Persona.GLOBEX_MANAGER, null, "team-acme-soc").errorCodes()).containsExactly("NOT_FOUND");
        assertThat(coverage(Persona.GLOBEX_MANAGER, null, null).assertNoErrors()
                .<List<Object>>get("data.skillCoverage.skills")).isEmpty();
        coverage(ACME_ANALYTICS, null, null).assertNoErrors();
    }
}
