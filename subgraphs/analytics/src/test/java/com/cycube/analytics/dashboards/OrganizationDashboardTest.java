package com.cycube.analytics.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cycube.analytics.LearningFacts;
import com.cycube.analytics.facts.LearningFactsHandler;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organization dashboard: every figure follows the learners' facts as they arrive; time moves overdue enrollments,
 * sliding windows and running labs' hours without any new fact; a redelivered fact changes nothing; only the
 * organization's managers, analytics readers and root read it.
 */
class OrganizationDashboardTest extends LearningFacts {

    static final String DASHBOARD = """
            query($org: ID) { organizationDashboard(organizationId: $org) {
              organizationId organizationName asOf
              figures { members activeLearnersLast7Days activeLearnersLast30Days enrollments completions completionRate
                        averageScore overdueEnrollments labsRunning labQuota labHoursUsed certificates studyHours }
              weeklyTrend { weekStart activeLearners enrollments completions averageScore overdueEnrollments labsLaunched
                            labHours certificates }
            } }""";

    @Autowired
    LearningFactsHandler facts;

    private final List<DomainEvent> sent = new ArrayList<>();

    /** Adam learns (and completes the course), Olga is assigned it due in two days and does nothing. */
    @BeforeEach
    void acmeLearns() {
        sent.add(selfEnrolled(Persona.ACME_TRAINEE, "course-phishing"));
        sent.add(assigned(OTHER_ACME_TRAINEE, "course-phishing", "assignment-1", clock.instant().plus(Duration.ofDays(2))));
        sent.add(cubeStarted(Persona.ACME_TRAINEE, "course-phishing", "read-1"));
        sent.add(cubeCompleted(Persona.ACME_TRAINEE, "course-phishing", "read-1"));
        sent.add(studied(Persona.ACME_TRAINEE, "course-phishing", 1800));
        sent.add(lab(Persona.ACME_TRAINEE, "lab-a", "REQUESTED", null));
        sent.add(lab(Persona.ACME_TRAINEE, "lab-a", "RUNNING", "PROVISIONING"));
        sent.add(courseCompleted(Persona.ACME_TRAINEE, "course-phishing", 80.0));
        sent.add(certificate(Persona.ACME_TRAINEE, "cert-1", "course-phishing"));
        sent.add(selfEnrolled(Persona.GLOBEX_TRAINEE, "course-phishing")); // another organization's
        drain();
    }

    private GraphQlClient.Response dashboard(Persona persona, String org) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("org", org);
        return as(persona, DASHBOARD, variables);
    }

    private static Integer figure(GraphQlClient.Response response, String name) {
        return response.get("data.organizationDashboard.figures." + name);
    }

    @Test
    void every_figure_is_what_the_organizations_facts_imply() {
        GraphQlClient.Response response = dashboard(Persona.ACME_MANAGER, null).assertNoErrors();

        assertThat(response.<String>get("data.organizationDashboard.organizationName")).isEqualTo("Acme");
        assertThat(figure(response, "members")).isEqualTo(3);
        assertThat(figure(response, "activeLearnersLast7Days")).as("Olga was assigned, she did nothing").isEqualTo(1);
        assertThat(figure(response, "enrollments")).isEqualTo(2);
        assertThat(figure(response, "completions")).isEqualTo(1);
        assertThat(response.<Double>get("data.organizationDashboard.figures.completionRate")).isEqualTo(0.5);
        assertThat(response.<Double>get("data.organizationDashboard.figures.averageScore")).isEqualTo(80.0);
        assertThat(figure(response, "overdueEnrollments")).isEqualTo(0);
        assertThat(figure(response, "labsRunning")).isEqualTo(1);
        assertThat(figure(response, "labQuota")).isEqualTo(5);
        assertThat(figure(response, "certificates")).isEqualTo(1);
        assertThat(response.<Double>get("data.organizationDashboard.figures.studyHours")).isEqualTo(0.5);
    }

    @Test
    void time_alone_makes_enrollments_overdue_adds_running_lab_hours_and_slides_the_activity_windows() {
        clock.advance(Duration.ofDays(10));

        GraphQlClient.Response response = dashboard(Persona.ACME_MANAGER, null).assertNoErrors();

        assertThat(figure(response, "overdueEnrollments")).as("Olga's was due 2 days after assignment").isEqualTo(1);
        assertThat(response.<Double>get("data.organizationDashboard.figures.labHoursUsed"))
                .as("the lab has been running for 10 days").isCloseTo(240.0, within(0.1));
        assertThat(figure(response, "activeLearnersLast7Days")).isEqualTo(0);
        assertThat(figure(response, "activeLearnersLast30Days")).isEqualTo(1);
    }

    @Test
    void a_stopped_lab_counts_the_hours_it_ran_and_is_no_longer_running() {
        clock.advance(Duration.ofHours(2));
        lab(Persona.ACME_TRAINEE, "lab-a", "STOPPING", "RUNNING");
        drain();
        clock.advance(Duration.ofHours(5));

        GraphQlClient.Response response = dashboard(Persona.ACME_MANAGER, null).assertNoErrors();

        assertThat(figure(response, "labsRunning")).isEqualTo(0);
        assertThat(response.<Double>get("data.organizationDashboard.figures.labHoursUsed")).isCloseTo(2.0, within(0.01));
    }

    @Test
    void the_weekly_trend_has_twelve_weeks_ending_with_the_current_one_and_counts_each_fact_in_its_week() {
        GraphQlClient.Response response = dashboard(Persona.ACME_MANAGER, null).assertNoErrors();

        List<Map<String, Object>> weeks = response.get("data.organizationDashboard.weeklyTrend");
        assertThat(weeks).hasSize(12);
        Map<String, Object> current = weeks.get(11);
        assertThat(current.get("enrollments")).isEqualTo(2);
        assertThat(current.get("completions")).isEqualTo(1);
        assertThat(current.get("activeLearners")).isEqualTo(1);
        assertThat(current.get("certificates")).isEqualTo(1);
        assertThat(current.get("labsLaunched")).isEqualTo(1);
        assertThat(weeks.subList(0, 11)).allSatisfy(week -> assertThat(week.get("enrollments")).isEqualTo(0));

        clock.advance(Duration.ofDays(14));
        List<Map<String, Object>> later = dashboard(Persona.ACME_MANAGER, null).assertNoErrors()
                .get("data.organizationDashboard.weeklyTrend");
        assertThat(later.get(9).get("enrollments")).as("two weeks on, the same week is two places back").isEqualTo(2);
        assertThat(later.get(11).get("overdueEnrollments")).isEqualTo(1);
    }

    @Test
    void a_fact_delivered_again_changes_no_figure() {
        String before = dashboard(Persona.ACME_MANAGER, null).assertNoErrors().get("data.organizationDashboard.figures").toString();

        sent.forEach(facts::handle); // every event a second time, as after a crash before acknowledging

        assertThat(dashboard(Persona.ACME_MANAGER, null).assertNoErrors().get("data.organizationDashboard.figures").toString())
                .isEqualTo(before);
    }

    @Test
    void only_the_organizations_managers_analytics_readers_and_root_read_it() {
        assertThat(dashboard(Persona.ACME_TRAINEE, null).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(dashboard(Persona.ACME_HR_INTEGRATION, null).errorCodes()).as("without analytics:read").containsExactly("FORBIDDEN");
        assertThat(figure(dashboard(ACME_ANALYTICS, null).assertNoErrors(), "enrollments")).isEqualTo(2);
        assertThat(dashboard(Persona.GLOBEX_MANAGER, ACME).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(dashboard(Persona.ROOT, null).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(figure(dashboard(Persona.ROOT, GLOBEX).assertNoErrors(), "enrollments")).isEqualTo(1);
        assertThat(dashboard(Persona.ROOT, "org-unknown").errorCodes()).containsExactly("NOT_FOUND");
    }
}
