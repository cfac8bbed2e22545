package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.GraphQlWsClient.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access that ends while its holder is connected, through the router with the real Keycloak: a manager's
 * organization-wide live progress stream ends within seconds of the manager being demoted, the old token is refused
 * on every subgraph, and a deactivated organization's members can neither use their tokens nor sign in again. Each
 * test invites people of its own, so the demo users other tests rely on are untouched.
 */
@ExtendWith(RunningStack.class)
class AccessRevokedThroughRouterTest {

    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);
    private static final String ORGANIZATION_PROGRESS =
            "subscription { progressUpdated(input: {organizationWide: true}) { id progress { percent } } }";
    /** One field per subgraph that answers for a signed-in person. */
    private static final String EVERY_SUBGRAPH = "{ me { id enrollments(first: 1) { totalCount } certificates { id } activeLabs { id } } "
            + "courses(first: 1) { totalCount } }";

    private final LocalStack stack;

    AccessRevokedThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void a_demoted_managers_organization_wide_progress_stream_ends_within_seconds_and_their_old_token_is_refused() throws Exception {
        Person manager = invite("manager@acme.test", null, "MANAGER");
        String managerToken = stack.token(manager.email(), manager.password());
        client(managerToken).execute(EVERY_SUBGRAPH).assertNoErrors();

        try (GraphQlWsClient socket = GraphQlWsClient.connect(stack.routerUrl(), managerToken)) {
            socket.subscribe("1", ORGANIZATION_PROGRESS);
            assertThat(socket.poll(Duration.ofSeconds(1))).as("the stream is open and quiet").isEmpty();

            Instant demoted = Instant.now();
            client(stack.token("manager@acme.test")).execute(
                    "mutation($i: ChangeMemberRoleInput!) { changeMemberRole(input: $i) { user { role } } }",
                    Map.of("i", Map.of("userId", manager.id(), "role", "TRAINEE"))).assertNoErrors();

            // Hive Router passes a subgraph's `error` on as a last `next` carrying the errors, then `complete`
            List<Message> last = untilEnd(socket, "1");
            assertThat(last).last().satisfies(end -> assertThat(end.type()).isIn("complete", "error"));
            assertThat(last.toString()).contains("UNAUTHENTICATED").contains("The account's role changed")
                    .doesNotContain("Exception");
            assertThat(Duration.between(demoted, Instant.now())).isLessThan(WITHIN_SECONDS);
        }

        GraphQlClient.Response refused = await().atMost(WITHIN_SECONDS)
                .until(() -> client(managerToken).execute(EVERY_SUBGRAPH), reply -> reply.errorCodes().contains("UNAUTHENTICATED"));
        assertThat(refused.errorCodes()).containsOnly("UNAUTHENTICATED");
        GraphQlClient.Response fresh = client(stack.token(manager.email(), manager.password())).execute("{ me { role } }").assertNoErrors();
        assertThat(fresh.<String>get("data.me.role")).isEqualTo("TRAINEE");
    }

    @Test
    void a_deactivated_organizations_members_are_refused_on_every_subgraph_and_cannot_sign_in() throws Exception {
        String root = stack.token("root@cycube.local");
        String organization = client(root).execute(
                "mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }",
                Map.of("i", Map.of("name", "Initech " + UUID.randomUUID().toString().substring(0, 8), "seatLimit", 5, "labQuota", 1)))
                .assertNoErrors().get("data.createOrganization.organization.id");
        Person member = invite("root@cycube.local", organization, "MANAGER");
        String memberToken = stack.token(member.email(), member.password());
        client(memberToken).execute(EVERY_SUBGRAPH).assertNoErrors();

        client(root).execute("mutation($i: SetOrganizationActiveInput!) { setOrganizationActive(input: $i) { organization { active } } }",
                Map.of("i", Map.of("organizationId", organization, "active", false))).assertNoErrors();

        await().atMost(WITHIN_SECONDS).untilAsserted(() -> {
            GraphQlClient.Response reply = client(memberToken).execute(EVERY_SUBGRAPH);
            assertThat(reply.errorCodes()).as(reply.toString()).isNotEmpty().containsOnly("UNAUTHENTICATED");
            assertThat(reply.<Object>get("data.me")).as(reply.toString()).isNull();
            assertThat(reply.<Object>get("data.courses")).as(reply.toString()).isNull();
        });
        assertThatThrownBy(() -> stack.token(member.email(), member.password()))
                .as("Keycloak refuses to sign them in").hasMessageContaining("HTTP 400");
    }

    private record Person(String id, String email, String password) {
    }

    /** Someone invited by {@code inviter} (into {@code organization}, or the inviter's own), with a password set as they would. */
    private Person invite(String inviter, String organization, String role) throws IOException, InterruptedException {
        String email = "person." + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        Map<String, Object> input = organization == null ? Map.of("email", email, "role", role)
                : Map.of("email", email, "role", role, "organizationId", organization);
        String id = client(stack.token(inviter)).execute(
                "mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { user { id } } } }", Map.of("i", input))
                .assertNoErrors().get("data.inviteMember.invitation.user.id");
        String password = "Pw-" + UUID.randomUUID();
        keycloakAdmin("/users/" + id + "/reset-password",
                "{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}");
        keycloakAdmin("/users/" + id, "{\"requiredActions\":[],\"emailVerified\":true,\"firstName\":\"Pat\",\"lastName\":\"Example\"}");
        return new Person(id, email, password);
    }

    /** What the person does in Keycloak's own pages after the invitation e-mail: here through its admin API. */
    private void keycloakAdmin(String path, String json) throws IOException, InterruptedException {
        String admin = stack.clientCredentialsToken("cycube-identity-admin", "identity-admin-dev-secret");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.keycloakUrl() + "/admin/realms/cycube" + path))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private GraphQlClient client(String token) {
        return GraphQlClient.forUrl(stack.routerUrl()).withToken(token);
    }

    /** The messages of subscription {@code id} up to the one that ends it ({@code complete} or {@code error}). */
    private static List<Message> untilEnd(GraphQlWsClient socket, String id) throws InterruptedException {
        List<Message> messages = new ArrayList<>();
        Instant deadline = Instant.now().plus(WITHIN_SECONDS);
        while (Instant.now().isBefore(deadline)) {
            Message message = socket.nextMessage(WITHIN_SECONDS);
            if (id.equals(message.id())) {
                messages.add(message);
                if (!"next".equals(message.type())) {
                    return messages;
                }
            }
        }
        throw new AssertionError("subscription " + id + " did not end within " + WITHIN_SECONDS + ": " + messages);
    }
}
