package com.cycube.analytics.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.support.contracts.identity.TeamChanged;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Team.dashboard: the figures of the team's members and of every team below it, following moves in the team tree;
 * another organization's team is NOT_FOUND.
 */
class TeamDashboardTest extends LearningFacts {

    static final String TEAM_DASHBOARD = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Team { id dashboard {
              teamId teamName teamsIncluded
              figures { members enrollments completions activeLearnersLast7Days labQuota }
              weeklyTrend { enrollments }
            } } } }""";

    @BeforeEach
    void bothAcmeTraineesLearn() {
        selfEnrolled(Persona.ACME_TRAINEE, "course-phishing"); // in team-acme-blue, below team-acme-soc
        courseCompleted(Persona.ACME_TRAINEE, "course-phishing", 90.0);
        selfEnrolled(OTHER_ACME_TRAINEE, "course-phishing"); // in team-acme-soc itself
        drain();
    }

    private GraphQlClient.Response teamDashboard(Persona persona, String teamId) {
        return as(persona, TEAM_DASHBOARD, Map.of("reps", List.of(Map.of("__typename", "Team", "id", teamId))));
    }

    private static Integer figure(GraphQlClient.Response response, String name) {
        return response.get("data._entities[0].dashboard.figures." + name);
    }

    @Test
    void a_team_counts_its_own_members_and_those_of_the_teams_below_it() {
        GraphQlClient.Response soc = teamDashboard(Persona.ACME_MANAGER, "team-acme-soc").assertNoErrors();
        assertThat(soc.<Integer>get("data._entities[0].dashboard.teamsIncluded")).isEqualTo(2);
        assertThat(figure(soc, "members")).isEqualTo(2);
        assertThat(figure(soc, "enrollments")).isEqualTo(2);
        assertThat(figure(soc, "completions")).isEqualTo(1);
        assertThat(soc.<Object>get("data._entities[0].dashboard.figures.labQuota")).isNull();

        GraphQlClient.Response blue = teamDashboard(Persona.ACME_MANAGER, "team-acme-blue").assertNoErrors();
        assertThat(blue.<String>get("data._entities[0].dashboard.teamName")).isEqualTo("Blue team");
        assertThat(figure(blue, "members")).isEqualTo(1);
        assertThat(figure(blue, "enrollments")).isEqualTo(1);
        assertThat(figure(blue, "completions")).isEqualTo(1);
    }

    @Test
    void moving_a_team_out_moves_its_figures_out_of_its_former_parent() {
        append(ACME, new TeamChanged("team-acme-blue", "Blue team", null, false, nextVersion("team-acme-blue")));
        drain();

        GraphQlClient.Response soc = teamDashboard(Persona.ACME_MANAGER, "team-acme-soc").assertNoErrors();
        assertThat(soc.<Integer>get("data._entities[0].dashboard.teamsIncluded")).isEqualTo(1);
        assertThat(figure(soc, "enrollments")).isEqualTo(1);
        assertThat(figure(soc, "completions")).isEqualTo(0);
    }

    @Test
    void analytics_readers_of_the_organization_read_it_others_get_not_found_or_forbidden() {
        assertThat(figure(teamDashboard(ACME_ANALYTICS, "team-acme-soc").assertNoErrors(), "enrollments")).isEqualTo(2);
        assertThat(figure(teamDashboard(Persona.ROOT, "team-acme-soc").assertNoErrors(), "enrollments")).isEqualTo(2);

        GraphQlClient.Response globex = teamDashboard(Persona.GLOBEX_MANAGER, "team-acme-soc");
        assertThat(globex.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(globex.<Object>get("data._entities[0].dashboard")).isNull();
        assertThat(teamDashboard(Persona.ACME_TRAINEE, "team-acme-soc").errorCodes()).containsExactly("FORBIDDEN");
        assertThat(teamDashboard(Persona.ACME_MANAGER, "team-unknown").errorCodes()).containsExactly("NOT_FOUND");
    }
}
