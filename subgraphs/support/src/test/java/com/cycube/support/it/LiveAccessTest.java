package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.GraphQlWsClient.Message;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Access that ends while a client still holds a token: identity's events reach every subgraph's copy of who may do
 * what, and from then on that token's requests are refused and its open streams end — within seconds, through the
 * shared library alone (the test application's {@code pulse} subscription knows nothing of it). Each test uses a
 * person or organization of its own, so what it revokes touches no other test. This application's caps are 3
 * subscriptions per connection and 5 per user.
 */
@SupportIntegrationTest
class LiveAccessTest {

    private static final String PULSE = "subscription { pulse { n subject } }";
    private static final Duration PROMPTLY = Duration.ofSeconds(5);
    /** For a test about what a refusal records, not how soon it comes: room for a slow machine. */
    private static final Duration LEARNT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    EventLog eventLog;

    @RegisterExtension
    final AuditCapture audit = new AuditCapture();
    private final String requestId = "access-" + UUID.randomUUID();

    @Test
    void a_deactivated_persons_token_is_refused_with_UNAUTHENTICATED() {
        String person = newPerson();
        GraphQlClient client = GraphQlClient.forPort(port).withToken(token(person, "MANAGER", Persona.ACME));
        client.execute("{ whoami { subject } }").assertNoErrors();

        publishUser(person, "MANAGER", Persona.ACME, false, 2);

        GraphQlClient.Response refused = await().atMost(PROMPTLY)
                .until(() -> client.execute("{ whoami { subject } }"), reply -> reply.hasErrors());
        assertThat(refused.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(refused.<String>get("errors[0].message")).isEqualTo("The account is deactivated");
        assertThat(refused.members()).doesNotContain("data");
    }

    @Test
    void a_refusal_for_revoked_access_is_audited_with_a_reason_code_not_only_its_message() {
        String person = newPerson();
        publishUser(person, "MANAGER", Persona.ACME, false, 2);
        GraphQlClient client = GraphQlClient.forPort(port).withToken(token(person, "MANAGER", Persona.ACME));
        await().atMost(LEARNT).until(() -> client.execute("{ whoami { subject } }").hasErrors());

        client.withHeader("x-request-id", requestId).execute("{ whoami { subject } }");

        assertThat(audit.ofRequest(requestId)).singleElement().satisfies(record -> {
            assertThat(record.path("action").asString()).isEqualTo("query.whoami");
            assertThat(record.path("actor").asString()).isEqualTo(person);
            assertThat(record.path("reason").asString()).isEqualTo("ACCOUNT_DEACTIVATED");
        });
    }

    @Test
    void an_invited_person_who_has_not_signed_in_yet_is_not_refused() {
        String person = newPerson();
        publish(DomainEvent.of(Persona.ACME, Instant.now(), new UserChanged(person, null, "TRAINEE", List.of(), false, 1L, "INVITED")));
        String deactivated = newPerson();
        publishUser(deactivated, "TRAINEE", Persona.ACME, false, 2);
        GraphQlClient deactivatedClient = GraphQlClient.forPort(port).withToken(token(deactivated, "TRAINEE", Persona.ACME));
        await().atMost(PROMPTLY).until(() -> deactivatedClient.execute("{ whoami { subject } }").hasErrors());

        GraphQlClient.Response firstSignIn = GraphQlClient.forPort(port).withToken(token(person, "TRAINEE", Persona.ACME))
                .execute("{ whoami { subject } }");

        assertThat(firstSignIn.assertNoErrors().<String>get("data.whoami.subject")).isEqualTo(person);
    }

    @Test
    void an_open_subscription_ends_with_UNAUTHENTICATED_within_seconds_of_its_person_being_deactivated() throws Exception {
        String person = newPerson();
        try (GraphQlWsClient socket = GraphQlWsClient.connect(port, token(person, "MANAGER", Persona.ACME))) {
            socket.subscribe("1", PULSE);
            assertThat(socket.nextMessage().type()).isEqualTo("next");

            publishUser(person, "MANAGER", Persona.ACME, false, 2);

            Message end = endOf(socket, "1");
            assertThat(end.type()).as(end.toString()).isEqualTo("error");
            assertThat(end.<String>get("payload[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
            assertThat(end.text()).doesNotContain("Exception", "java.");
        }
    }

    @Test
    void a_demoted_managers_stream_ends_and_a_fresh_token_with_the_new_role_works() throws Exception {
        String person = newPerson();
        publishUser(person, "MANAGER", Persona.ACME, true, 1);
        try (GraphQlWsClient socket = GraphQlWsClient.connect(port, token(person, "MANAGER", Persona.ACME))) {
            socket.subscribe("1", PULSE);
            assertThat(socket.nextMessage().type()).isEqualTo("next");

            publishUser(person, "TRAINEE", Persona.ACME, true, 2);

            assertThat(endOf(socket, "1").<String>get("payload[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        }
        GraphQlClient fresh = GraphQlClient.forPort(port).withToken(token(person, "TRAINEE", Persona.ACME));
        assertThat(fresh.execute("{ whoami { role } }").assertNoErrors().<String>get("data.whoami.role")).isEqualTo("TRAINEE");
    }

    @Test
    void a_person_moved_to_another_organization_cannot_use_a_token_of_the_old_one() {
        String person = newPerson();
        publishUser(person, "TRAINEE", Persona.ACME, true, 1);
        GraphQlClient oldToken = GraphQlClient.forPort(port).withToken(token(person, "TRAINEE", Persona.ACME));
        oldToken.execute("{ whoami { subject } }").assertNoErrors();

        publishUser(person, "TRAINEE", Persona.GLOBEX, true, 2);

        await().atMost(PROMPTLY).until(() -> oldToken.execute("{ whoami { subject } }").errorCodes(),
                codes -> codes.equals(List.of("UNAUTHENTICATED")));
        GraphQlClient newToken = GraphQlClient.forPort(port).withToken(token(person, "TRAINEE", Persona.GLOBEX));
        newToken.execute("{ whoami { subject } }").assertNoErrors();
    }

    @Test
    void deactivating_an_organization_ends_its_members_streams_and_refuses_their_and_its_integrations_tokens() throws Exception {
        String organization = "org-" + UUID.randomUUID();
        String member = newPerson();
        String bystander = newPerson();
        try (GraphQlWsClient memberSocket = GraphQlWsClient.connect(port, token(member, "TRAINEE", organization));
             GraphQlWsClient bystanderSocket = GraphQlWsClient.connect(port, token(bystander, "TRAINEE", Persona.ACME))) {
            memberSocket.subscribe("1", PULSE);
            bystanderSocket.subscribe("1", PULSE);
            assertThat(memberSocket.nextMessage().type()).isEqualTo("next");

            publish(DomainEvent.of(organization, Instant.now(), new OrganizationChanged(organization, "Initech", 10, 2, false, 2L)));

            assertThat(endOf(memberSocket, "1").<String>get("payload[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
            assertThat(bystanderSocket.nextMessage().type()).as("another organization's stream goes on").isEqualTo("next");
        }
        String integration = TestTokens.tokenFor(Persona.ACME_HR_INTEGRATION, Map.of("org_id", organization));
        assertThat(GraphQlClient.forPort(port).withToken(integration).withHeader("x-request-id", requestId)
                .execute("{ whoami { subject } }").errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(audit.ofRequest(requestId)).extracting(record -> record.path("reason").asString())
                .containsExactly("ORGANIZATION_DEACTIVATED");
    }

    @Test
    void a_revoked_token_cannot_open_a_connection() throws Exception {
        String person = newPerson();
        publishUser(person, "TRAINEE", Persona.ACME, false, 3);
        String token = token(person, "TRAINEE", Persona.ACME);
        await().atMost(PROMPTLY).until(() -> GraphQlClient.forPort(port).withToken(token)
                .execute("{ whoami { subject } }").hasErrors());

        try (GraphQlWsClient socket = GraphQlWsClient.open(URI.create("ws://127.0.0.1:" + port + "/graphql"),
                Map.of("x-request-id", requestId))) {
            socket.connectionInit(Map.of("Authorization", "Bearer " + token));

            assertThat(socket.receive()).isInstanceOf(GraphQlWsClient.Closed.class);
        }
        assertThat(audit.ofRequest(requestId)).singleElement().satisfies(record -> {
            assertThat(record.path("action").asString()).isEqualTo("websocket.connection_init");
            assertThat(record.path("reason").asString()).isEqualTo("ACCOUNT_DEACTIVATED");
        });
    }

    @Test
    void a_stream_ends_with_UNAUTHENTICATED_when_its_token_expires() throws Exception {
        // exp is in whole seconds; 4 s leave room to connect and subscribe on a loaded machine before it passes
        Instant expiry = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        String token = TestTokens.tokenFor(Persona.ACME_TRAINEE, Map.of("exp", Date.from(expiry)));
        try (GraphQlWsClient socket = GraphQlWsClient.connect(port, token)) {
            socket.subscribe("1", PULSE);
            assertThat(socket.nextMessage().type()).isEqualTo("next");

            Message end = endOf(socket, "1", Duration.between(Instant.now(), expiry).plus(PROMPTLY));

            assertThat(end.<String>get("payload[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
            assertThat(end.<String>get("payload[0].message")).contains("expired");
            assertThat(Instant.now()).isAfterOrEqualTo(expiry.minusMillis(100));
        }
    }

    @Test
    void a_connection_holds_at_most_three_subscriptions_and_a_fourth_is_refused_with_RATE_LIMITED() throws Exception {
        String person = newPerson();
        try (GraphQlWsClient socket = GraphQlWsClient.connect(port, token(person, "TRAINEE", Persona.ACME))) {
            for (String id : List.of("1", "2", "3", "4")) {
                socket.subscribe(id, PULSE);
            }

            Message refused = endOf(socket, "4");
            assertThat(refused.type()).isEqualTo("error");
            assertThat(refused.<String>get("payload[0].extensions.code")).isEqualTo("RATE_LIMITED");

            socket.send(Map.of("id", "1", "type", "complete"));
            socket.subscribe("5", PULSE);
            assertThat(firstFor(socket, "5").type()).as("room again once one ended").isEqualTo("next");
        }
    }

    @Test
    void a_person_holds_at_most_five_subscriptions_across_connections() throws Exception {
        String token = token(newPerson(), "TRAINEE", Persona.ACME);
        try (GraphQlWsClient first = GraphQlWsClient.connect(port, token);
             GraphQlWsClient second = GraphQlWsClient.connect(port, token)) {
            for (String id : List.of("1", "2", "3")) {
                first.subscribe(id, PULSE);
            }
            awaitOpen(first, List.of("1", "2", "3"));
            second.subscribe("1", PULSE);
            second.subscribe("2", PULSE);
            awaitOpen(second, List.of("1", "2"));

            second.subscribe("3", PULSE);

            assertThat(endOf(second, "3").<String>get("payload[0].extensions.code")).isEqualTo("RATE_LIMITED");
        }
    }

    private static String newPerson() {
        return UUID.randomUUID().toString();
    }

    private static String token(String subject, String role, String organization) {
        return TestTokens.tokenFor(Persona.ACME_MANAGER, Map.of("sub", subject, "org_id", organization,
                "realm_access", Map.of("roles", List.of(role, "default-roles-cycube"))));
    }

    private void publishUser(String person, String role, String organization, boolean active, long version) {
        publish(DomainEvent.of(organization, Instant.now(), new UserChanged(person, "Pat", role, List.of(), active, version,
                active ? "ACTIVE" : "DEACTIVATED")));
    }

    private void publish(DomainEvent event) {
        assertThat(eventLog.append(event)).isTrue();
    }

    /** The message that ends subscription {@code id} ({@code error} or {@code complete}), skipping its ticks. */
    private static Message endOf(GraphQlWsClient socket, String id) throws InterruptedException {
        return endOf(socket, id, PROMPTLY);
    }

    private static Message endOf(GraphQlWsClient socket, String id, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Message message = socket.nextMessage(within);
            if (id.equals(message.id()) && !"next".equals(message.type())) {
                return message;
            }
        }
        throw new AssertionError("subscription " + id + " did not end within " + within);
    }

    private static Message firstFor(GraphQlWsClient socket, String id) throws InterruptedException {
        while (true) {
            Message message = socket.nextMessage(PROMPTLY);
            if (id.equals(message.id())) {
                return message;
            }
        }
    }

    private static void awaitOpen(GraphQlWsClient socket, List<String> ids) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (!seen.containsAll(ids)) {
            Message message = socket.nextMessage(PROMPTLY);
            assertThat(message.type()).as(message.toString()).isEqualTo("next");
            seen.add(message.id());
        }
    }
}
