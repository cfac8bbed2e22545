package com.cycube.identity.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.identity.users.UserDocument;
import com.cycube.identity.users.UserStatus;
import com.cycube.support.auth.Role;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Teams: a hierarchy per organization that managers shape and fill. */
class TeamTest extends IdentityIntegrationTest {

    private static final String CREATE = """
            mutation($input: CreateTeamInput!) { createTeam(input: $input) { team { id name parent { name } organization { id } } } }""";
    private static final String RENAME = """
            mutation($input: RenameTeamInput!) { renameTeam(input: $input) { team { name } } }""";
    private static final String MOVE = """
            mutation($input: MoveTeamInput!) { moveTeam(input: $input) { team { id parent { id } } } }""";
    private static final String DELETE = """
            mutation($input: DeleteTeamInput!) { deleteTeam(input: $input) { deletedTeamId } }""";
    private static final String ADD_MEMBER = """
            mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { team { name } user { teams { id } } } }""";
    private static final String REMOVE_MEMBER = """
            mutation($input: RemoveTeamMemberInput!) { removeTeamMember(input: $input) { user { teams { id } } } }""";
    private static final String TEAM = """
            query($id: ID!) { team(id: $id) { name parent { name } children { name } members { totalCount edges { node { displayName } } } } }""";

    static Stream<Arguments> mayNotManageTeams() {
        return Stream.of(Arguments.of(Persona.ACME_TRAINEE, "FORBIDDEN"), Arguments.of(Persona.ACME_HR_INTEGRATION, "FORBIDDEN"),
                Arguments.of(Persona.GLOBEX_MANAGER, "NOT_FOUND"));
    }

    @Test
    void manager_creates_a_team_inside_another() {
        Response response = as(Persona.ACME_MANAGER, CREATE, Map.of("input", Map.of("name", "Threat Hunting", "parentId", DemoDataset.ACME_SECOPS)))
                .assertNoErrors();

        assertThat((String) response.get("data.createTeam.team.parent.name")).isEqualTo("Security Operations");
        assertThat((String) response.get("data.createTeam.team.organization.id")).isEqualTo(DemoDataset.ACME);
    }

    @Test
    void root_must_name_the_organization_of_a_new_team() {
        assertThat(as(Persona.ROOT, CREATE, Map.of("input", Map.of("name", "Orphans"))).errorCodes()).containsExactly("BAD_USER_INPUT");

        as(Persona.ROOT, CREATE, Map.of("input", Map.of("name", "Blue Team", "organizationId", DemoDataset.GLOBEX))).assertNoErrors();
    }

    @Test
    void a_team_cannot_have_a_parent_in_another_organization() {
        Response response = as(Persona.ACME_MANAGER, CREATE, Map.of("input", Map.of("name", "Spies", "parentId", DemoDataset.GLOBEX_RED)));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), TeamDocument.class)).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("mayNotManageTeams")
    void only_managers_of_the_organization_rename_its_teams(Persona persona, String code) {
        Response response = as(persona, RENAME, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", "Renamed")));

        assertThat(response.errorCodes()).containsExactly(code);
        assertThat(storedTeam(DemoDataset.ACME_SOC1).name()).isEqualTo("SOC Tier 1");
    }

    @ParameterizedTest
    @MethodSource("mayNotManageTeams")
    void only_managers_of_the_organization_create_teams(Persona persona, String code) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "Intruders"));
        if (persona == Persona.GLOBEX_MANAGER) {
            input.put("organizationId", DemoDataset.ACME);
        }
        assertThat(as(persona, CREATE, Map.of("input", input)).errorCodes()).containsExactly(code);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), TeamDocument.class)).isEqualTo(3);
    }

    @Test
    void manager_renames_a_team() {
        as(Persona.ACME_MANAGER, RENAME, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "name", "SOC L1"))).assertNoErrors();

        assertThat(storedTeam(DemoDataset.ACME_SOC1).name()).isEqualTo("SOC L1");
    }

    @Test
    void moving_a_team_under_its_own_descendant_is_bad_user_input_and_changes_nothing() {
        Response response = as(Persona.ACME_MANAGER, MOVE, Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS, "parentId", DemoDataset.ACME_SOC1)));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(storedTeam(DemoDataset.ACME_SECOPS).parentId()).isNull();
    }

    @Test
    void moving_a_team_under_itself_is_bad_user_input() {
        Response response = as(Persona.ACME_MANAGER, MOVE, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "parentId", DemoDataset.ACME_SOC1)));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(storedTeam(DemoDataset.ACME_SOC1).parentId()).isEqualTo(DemoDataset.ACME_SECOPS);
    }

    @Test
    void a_team_moves_to_the_top_level_and_back() {
        Map<String, Object> toTop = new HashMap<>();
        toTop.put("teamId", DemoDataset.ACME_SOC1);
        toTop.put("parentId", null);
        as(Persona.ACME_MANAGER, MOVE, Map.of("input", toTop)).assertNoErrors();
        assertThat(storedTeam(DemoDataset.ACME_SOC1).parentId()).isNull();

        as(Persona.ACME_MANAGER, MOVE, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1, "parentId", DemoDataset.ACME_SECOPS))).assertNoErrors();
        assertThat(storedTeam(DemoDataset.ACME_SOC1).parentId()).isEqualTo(DemoDataset.ACME_SECOPS);
    }

    @Test
    void a_team_with_child_teams_cannot_be_deleted() {
        Response response = as(Persona.ACME_MANAGER, DELETE, Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS)));

        assertThat(response.errorCodes()).containsExactly("CONFLICT");
        assertThat(storedTeam(DemoDataset.ACME_SECOPS)).isNotNull();
    }

    @Test
    void deleting_a_leaf_team_ends_its_memberships_and_removes_it_from_every_read() {
        as(Persona.ACME_MANAGER, DELETE, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1))).assertNoErrors();

        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).teamIds()).isEmpty();
        assertThat(as(Persona.ACME_MANAGER, TEAM, Map.of("id", DemoDataset.ACME_SOC1)).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(as(Persona.ACME_MANAGER, "query($id: ID!) { team(id: $id) { children { id } } }", Map.of("id", DemoDataset.ACME_SECOPS))
                .assertNoErrors().<List<String>>get("data.team.children[*].id")).isEmpty();
        assertThat(as(Persona.ACME_MANAGER, "{ organization(id: \"org-acme\") { teams(first: 10) { totalCount edges { node { id } } } } }")
                .assertNoErrors().<List<String>>get("data.organization.teams.edges[*].node.id")).containsExactly(DemoDataset.ACME_SECOPS);
        assertThat(as(Persona.ACME_MANAGER, CREATE, Map.of("input", Map.of("name", "Orphan", "parentId", DemoDataset.ACME_SOC1))).errorCodes())
                .as("a deleted team cannot be a parent").containsExactly("NOT_FOUND");
        assertThat(storedTeam(DemoDataset.ACME_SOC1).deleted()).as("kept as a tombstone: its last snapshot rode in it").isTrue();
    }

    @Test
    void globex_manager_cannot_delete_an_acme_team() {
        assertThat(as(Persona.GLOBEX_MANAGER, DELETE, Map.of("input", Map.of("teamId", DemoDataset.ACME_SOC1))).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(storedTeam(DemoDataset.ACME_SOC1)).isNotNull();
    }

    @Test
    void manager_adds_and_removes_team_members() {
        Response added = as(Persona.ACME_MANAGER, ADD_MEMBER,
                Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS, "userId", DemoDataset.ACME_TRAINEE_ID))).assertNoErrors();
        assertThat((List<String>) added.get("data.addTeamMember.user.teams[*].id")).containsExactlyInAnyOrder(DemoDataset.ACME_SECOPS, DemoDataset.ACME_SOC1);

        as(Persona.ACME_MANAGER, REMOVE_MEMBER,
                Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS, "userId", DemoDataset.ACME_TRAINEE_ID))).assertNoErrors();
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).teamIds()).containsExactly(DemoDataset.ACME_SOC1);
    }

    @Test
    void globex_manager_cannot_put_an_acme_trainee_into_a_globex_team() {
        Response response = as(Persona.GLOBEX_MANAGER, ADD_MEMBER,
                Map.of("input", Map.of("teamId", DemoDataset.GLOBEX_RED, "userId", DemoDataset.ACME_TRAINEE_ID)));

        assertThat(response.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).teamIds()).containsExactly(DemoDataset.ACME_SOC1);
    }

    @Test
    void trainee_cannot_add_themselves_to_a_team() {
        Response response = as(Persona.ACME_TRAINEE, ADD_MEMBER,
                Map.of("input", Map.of("teamId", DemoDataset.ACME_SECOPS, "userId", DemoDataset.ACME_TRAINEE_ID)));

        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void manager_reads_a_team_with_its_hierarchy_and_members() {
        Response response = as(Persona.ACME_MANAGER, TEAM, Map.of("id", DemoDataset.ACME_SOC1)).assertNoErrors();

        assertThat((String) response.get("data.team.parent.name")).isEqualTo("Security Operations");
        assertThat((List<String>) response.get("data.team.members.edges[*].node.displayName")).containsExactly("Adam Trainee", "Alice Manager");
    }

    @Test
    void the_members_of_twelve_teams_are_read_with_one_query_and_each_team_gets_its_own_page() {
        List<String> teamIds = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            String teamId = as(Persona.ACME_MANAGER, CREATE, Map.of("input", Map.of("name", "Squad " + (char) ('A' + t))))
                    .assertNoErrors().get("data.createTeam.team.id");
            teamIds.add(teamId);
            for (int m = 0; m < 3; m++) {
                String id = "squad-" + t + "-" + m;
                mongo.insert(new UserDocument(id, DemoDataset.ACME, id + "@acme.test", "Member " + t + "-" + m, null, Role.TRAINEE,
                        UserStatus.ACTIVE, List.of(teamId), Instant.parse("2026-02-01T00:00:00Z"), null, 1L));
            }
        }
        finds.reset();

        Response response = as(Persona.ACME_MANAGER, """
                { organization(id: "org-acme") { teams(first: 50) { edges { node { id
                    members(first: 2) { totalCount pageInfo { hasNextPage } edges { node { displayName } } } } } } } }""")
                .assertNoErrors();

        assertThat(finds.findsOn("users")).isEqualTo(1);
        List<Map<String, Object>> teams = response.get("data.organization.teams.edges[*].node");
        for (Map<String, Object> team : teams) {
            int index = teamIds.indexOf((String) team.get("id"));
            if (index >= 0) {
                assertThat(team).extracting("members").extracting("totalCount").isEqualTo(3);
                assertThat(response.<List<String>>get("data.organization.teams.edges[?(@.node.id == '" + team.get("id")
                        + "')].node.members.edges[*].node.displayName")).containsExactly("Member " + index + "-0", "Member " + index + "-1");
            }
        }
        assertThat(response.<List<Boolean>>get("data.organization.teams.edges[*].node.members.pageInfo.hasNextPage")).contains(true);
    }

    @Test
    void trainee_sees_a_team_but_not_its_member_list() {
        Response response = as(Persona.ACME_TRAINEE, "query($id: ID!) { team(id: $id) { name children { name } members { totalCount } } }",
                Map.of("id", DemoDataset.ACME_SECOPS));

        assertThat((String) response.get("data.team.name")).isEqualTo("Security Operations");
        assertThat((List<String>) response.get("data.team.children[*].name")).containsExactly("SOC Tier 1");
        assertThat(response.errorCodes()).containsExactly("FORBIDDEN");
    }

    @Test
    void globex_trainee_gets_not_found_for_an_acme_team() {
        assertThat(as(Persona.GLOBEX_TRAINEE, TEAM, Map.of("id", DemoDataset.ACME_SOC1)).errorCodes()).containsExactly("NOT_FOUND");
    }
}
