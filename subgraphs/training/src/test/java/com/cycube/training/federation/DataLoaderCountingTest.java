package com.cycube.training.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import com.cycube.training.TrainingIntegrationTest;
import com.cycube.training.enrollments.EnrollmentDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a big federated page costs in MongoDB reads: the router sends one {@code _entities} call for all users and
 * teams of a page; the DataLoaders answer each level with one query, so 100 users cost the same reads as 10.
 * Commands are counted by a {@code CommandListener} on the application's MongoClient (see the test base).
 */
class DataLoaderCountingTest extends TrainingIntegrationTest {

    static final String PAGE = """
            query($r: [_Any!]!) { _entities(representations: $r) {
              ... on User { id enrollments(first: 10) { totalCount edges { node {
                  id source dueAt user { id } course { id } progress { percent completedCubes totalCubes score status } } } } }
              ... on Team { id teamProgress: progress { members enrolledMembers enrollments completed overdue averagePercent } }
              ... on Enrollment { id progress { percent status cubes { cubeId completed } } }
            } }""";

    /** {@code teams} teams of 10 members each, assigned course-phishing; returns the member ids. */
    private List<String> teamsAssigned(int teams) {
        List<String> members = new ArrayList<>();
        for (int t = 0; t < teams; t++) {
            String team = "team-count-" + t;
            for (int m = 0; m < 10; m++) {
                Persona member = Persona.person("user-" + t + "-" + m, null, "Member " + m, "TRAINEE", ACME);
                userChanged(member, team);
                members.add(member.subject());
            }
        }
        drain();
        for (int t = 0; t < teams; t++) {
            assign(Persona.ACME_MANAGER, Map.of("courseId", "course-phishing", "teamIds", List.of("team-count-" + t), "dueAt", inAWeek()))
                    .assertNoErrors();
        }
        return members;
    }

    private record Cost(int finds, int allCommands) {
    }

    private Cost cost(List<Map<String, Object>> representations, int expectedEntities) {
        commands.reset();
        GraphQlClient.Response response = as(Persona.ACME_MANAGER, PAGE, Map.of("r", representations)).assertNoErrors();
        assertThat(response.<List<Object>>get("data._entities")).hasSize(expectedEntities);
        assertThat(response.<List<Object>>get("data._entities[*]")).doesNotContainNull();
        String db = trainingDatabase();
        return new Cost(commands.named(db, "find").size(),
                commands.named(db, "find").size() + commands.named(db, "aggregate").size() + commands.named(db, "count").size());
    }

    private static List<Map<String, Object>> users(List<String> ids) {
        return ids.stream().map(id -> Map.<String, Object>of("__typename", "User", "id", id)).toList();
    }

    private static List<Map<String, Object>> teams(int count) {
        List<Map<String, Object>> teams = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            teams.add(Map.of("__typename", "Team", "id", "team-count-" + t));
        }
        return teams;
    }

    @Test
    void a_page_of_100_users_with_enrollments_progress_and_team_progress_costs_the_same_few_reads_as_10() {
        List<String> members = teamsAssigned(10);
        assertThat(enrollmentCount()).isEqualTo(100);

        List<Map<String, Object>> small = new ArrayList<>(users(members.subList(0, 10)));
        small.addAll(teams(1));
        List<Map<String, Object>> large = new ArrayList<>(users(members));
        large.addAll(teams(10));

        Cost ten = cost(small, 11);
        Cost hundred = cost(large, 110);
        System.out.printf("MongoDB reads for _entities: 10 users + 1 team: %d finds (%d commands); 100 users + 10 teams: %d finds (%d commands)%n",
                ten.finds(), ten.allCommands(), hundred.finds(), hundred.allCommands());
        assertThat(hundred.finds()).isLessThanOrEqualTo(5);
        assertThat(hundred).isEqualTo(ten);
    }

    @Test
    void a_page_of_100_enrollment_references_with_progress_costs_two_reads() {
        List<String> members = teamsAssigned(10);
        List<Map<String, Object>> enrollments = members.stream().map(user -> Map.<String, Object>of("__typename", "Enrollment",
                "id", EnrollmentDocument.idFor(ACME, user, "course-phishing"))).toList();
        Cost ten = cost(enrollments.subList(0, 10), 10);
        Cost hundred = cost(enrollments, 100);
        System.out.printf("MongoDB reads for _entities: 10 enrollments: %d finds; 100 enrollments: %d finds%n", ten.finds(), hundred.finds());
        assertThat(hundred.finds()).isEqualTo(2);
        assertThat(hundred).isEqualTo(ten);
    }
}
