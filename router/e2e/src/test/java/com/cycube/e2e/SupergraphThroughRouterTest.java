package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The supergraph as its clients use it: real Keycloak tokens of the seed users, queries through
 * Hive Router, answers joined from the identity and catalog subgraphs.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupergraphThroughRouterTest {

    private static final String ME = """
            { me { id email displayName role organization { id name } teams { name parent { name } } } }""";

    private static final String COURSES_WITH_AUTHORS = """
            { courses(first: 20) { totalCount edges { node { id title author { id displayName } } } } }""";

    private final LocalStack stack;

    SupergraphThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    private GraphQlClient as(String email) {
        return GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(email));
    }

    private GraphQlClient anonymous() {
        return GraphQlClient.forUrl(stack.routerUrl());
    }

    @Test
    @Order(1)
    void a_trainee_gets_profile_organization_and_teams_in_one_request() {
        GraphQlClient.Response reply = as("trainee@acme.test").execute(ME).assertNoErrors();

        assertThat(reply.<String>get("data.me.email")).isEqualTo("trainee@acme.test");
        assertThat(reply.<String>get("data.me.role")).isEqualTo("TRAINEE");
        assertThat(reply.<String>get("data.me.organization.name")).isEqualTo("Acme Corporation");
        assertThat(reply.<List<String>>get("data.me.teams[*].name")).contains("SOC Tier 1");
        assertThat(reply.<List<String>>get("data.me.teams[*].parent.name")).contains("Security Operations");
    }

    @Test
    @Order(2)
    void courses_come_with_their_authors_names_joined_from_identity() {
        GraphQlClient.Response reply = as("trainee@acme.test").execute(COURSES_WITH_AUTHORS).assertNoErrors();

        List<String> titles = reply.get("data.courses.edges[*].node.title");
        assertThat(titles).contains("Phishing Defense Fundamentals", "Linux Command Line for Defenders",
                "Web Application Attacks", "Acme Incident Response Playbook");
        List<String> authors = reply.get("data.courses.edges[*].node.author.displayName");
        assertThat(authors).contains("Platform Root", "Alice Manager").doesNotContainNull();
    }

    @Test
    @Order(3)
    void another_organization_never_sees_acme_private_course_or_teams() {
        GraphQlClient globex = as("trainee@globex.test");

        List<String> titles = globex.execute(COURSES_WITH_AUTHORS).assertNoErrors().get("data.courses.edges[*].node.title");
        assertThat(titles).contains("Phishing Defense Fundamentals").doesNotContain("Acme Incident Response Playbook");

        GraphQlClient.Response course = globex.execute("{ course(id: \"course-acme-ir\") { id title } }");
        assertThat(course.<Object>get("data.course")).isNull();

        GraphQlClient.Response team = as("manager@globex.test").execute("{ team(id: \"team-acme-secops\") { id name } }");
        assertThat(team.<Object>get("data.team")).isNull();
        assertThat(team.body()).doesNotContain("Security Operations");
    }

    @Test
    @Order(4)
    void search_is_typo_tolerant_through_the_router() {
        GraphQlClient.Response reply = as("trainee@acme.test")
                .execute("{ searchCatalog(query: \"phising\") { edges { node { course { title } } } } }").assertNoErrors();

        assertThat(reply.<List<String>>get("data.searchCatalog.edges[*].node.course.title")).first()
                .isEqualTo("Phishing Defense Fundamentals");
    }

    @Test
    @Order(5)
    void an_integration_client_reads_members_of_its_own_organization_only() {
        GraphQlClient integration = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.clientCredentialsToken("acme-hr-integration", "acme-hr-dev-secret"));

        GraphQlClient.Response reply = integration.execute("{ members(first: 50) { edges { node { email } } } }").assertNoErrors();

        List<String> emails = reply.get("data.members.edges[*].node.email");
        assertThat(emails).contains("trainee@acme.test", "manager@acme.test").noneMatch(e -> e.endsWith("@globex.test"));
    }

    @Test
    @Order(6)
    void without_a_token_me_is_unauthenticated_but_the_request_is_answered() {
        GraphQlClient.Response reply = anonymous().execute("{ me { id } }");

        // one code: the subgraphs answer the router (no graphql-response+json) with 200, so it adds no SUBREQUEST_HTTP_ERROR
        assertThat(reply.errorCodes()).as(reply.toString()).isNotEmpty().containsOnly("UNAUTHENTICATED");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    @Order(7)
    void a_tampered_token_is_refused_as_unauthenticated() {
        String token = stack.token("trainee@globex.test");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("org-globex", "org-acme");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        GraphQlClient.Response reply = GraphQlClient.forUrl(stack.routerUrl()).withToken(tampered).execute(ME);

        // one code: the subgraphs answer the router (no graphql-response+json) with 200, so it adds no SUBREQUEST_HTTP_ERROR
        assertThat(reply.errorCodes()).as(reply.toString()).isNotEmpty().containsOnly("UNAUTHENTICATED");
        assertThat(reply.body()).doesNotContain("Acme Corporation");
    }

    @Test
    @Order(8)
    void an_unsigned_token_is_refused_as_unauthenticated() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = stack.token("trainee@acme.test").split("\\.")[1];

        GraphQlClient.Response reply = GraphQlClient.forUrl(stack.routerUrl()).withToken(header + "." + payload + ".").execute(ME);

        // one code: the subgraphs answer the router (no graphql-response+json) with 200, so it adds no SUBREQUEST_HTTP_ERROR
        assertThat(reply.errorCodes()).as(reply.toString()).isNotEmpty().containsOnly("UNAUTHENTICATED");
        assertThat(reply.body()).doesNotContain("trainee@acme.test");
    }

    @Test
    @Order(9)
    void a_depth_bomb_is_refused_before_reaching_any_subgraph() {
        String bomb = "{ me { teams { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } } } }";

        GraphQlClient.Response reply = as("trainee@acme.test").execute(bomb);

        assertThat(reply.errorCodes()).contains("MAX_DEPTH_EXCEEDED");
        assertThat(reply.body()).doesNotContain("\"data\":{");
    }

    @Test
    @Order(10)
    void a_mutation_through_the_router_changes_the_profile_and_bad_input_changes_nothing() {
        GraphQlClient manager = as("manager@acme.test");
        manager.execute("mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { user { locale } } }",
                Map.of("i", Map.of("locale", "de-CH"))).assertNoErrors();

        GraphQlClient.Response bad = manager.execute("mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { user { locale } } }",
                Map.of("i", Map.of("locale", "not a locale")));

        assertThat(bad.errorCodes()).contains("BAD_USER_INPUT");
        assertThat(manager.execute("{ me { locale } }").<String>get("data.me.locale")).isEqualTo("de-CH");
    }

    @Test
    @Order(11)
    void the_ide_is_served_to_browsers() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.routerUrl())).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html");
    }

    @Test
    @Order(12)
    void a_manager_invites_a_member_who_then_exists_in_keycloak_with_the_organization_and_role_and_gets_keycloaks_email() throws Exception {
        GraphQlClient.Response invited = as("manager@acme.test").execute(
                "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id status role user { id } } } }",
                Map.of("i", Map.of("email", "new.hire@acme.test", "role", "TRAINEE", "teamIds", List.of("team-acme-soc1")))).assertNoErrors();
        String userId = invited.get("data.inviteMember.invitation.user.id");

        String admin = stack.clientCredentialsToken("cycube-identity-admin", "identity-admin-dev-secret");
        HttpClient http = HttpClient.newHttpClient();
        String base = stack.keycloakUrl() + "/admin/realms/cycube/users/" + userId;
        HttpResponse<String> user = http.send(HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> roles = http.send(HttpRequest.newBuilder(URI.create(base + "/role-mappings/realm"))
                .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("new.hire@acme.test").contains("org-acme");
        assertThat(roles.body()).contains("\"TRAINEE\"");
        await("Keycloak's invitation e-mail in the local mailbox").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.mail().stream().anyMatch(mail -> mail.to().contains("new.hire@acme.test")));
        assertThat(stack.mail().stream().filter(mail -> mail.to().contains("new.hire@acme.test")).findFirst().orElseThrow().text())
                .as("a link to set a password").contains("/realms/cycube/login-actions/action-token");

        GraphQlClient.Response again = as("manager@acme.test").execute(
                "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }",
                Map.of("i", Map.of("email", "New.Hire@acme.test", "role", "TRAINEE")));
        assertThat(again.errorCodes()).containsExactly("CONFLICT");
    }

    @Test
    @Order(100)
    void with_catalog_down_identity_fields_are_still_answered_and_catalog_fields_fail_alone() {
        stack.stopSubgraph("catalog");
        try {
            GraphQlClient.Response reply = as("trainee@acme.test").execute("{ me { email organization { name } } courses(first: 5) { totalCount } }");

            assertThat(reply.<String>get("data.me.email")).isEqualTo("trainee@acme.test");
            assertThat(reply.<String>get("data.me.organization.name")).isEqualTo("Acme Corporation");
            assertThat(reply.<Object>get("data.courses")).isNull();
            assertThat(reply.errorCodes()).isNotEmpty();
            assertThat(reply.body()).doesNotContain("127.0.0.1").doesNotContain("localhost");
        } finally {
            stack.startSubgraph("catalog");
        }
    }
}
