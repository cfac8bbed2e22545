package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.devstack.MailCatcher;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.GraphQlWsClient.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Notifications through the router with real Keycloak tokens: a manager assigns training and the trainee's bell rings
 * live (training → event log → notification → change stream → WebSocket through the router) and an e-mail arrives in
 * the local mailbox (notification → SMTP); the notification is in the trainee's list, not the manager's.
 */
@ExtendWith(RunningStack.class)
class NotificationsThroughRouterTest {

    private static final String ASSIGN = "mutation($i: AssignTrainingInput!) { assignTraining(input: $i) { assignment { id } } }";

    private final LocalStack stack;

    NotificationsThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    private GraphQlClient as(String email) {
        return GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(email));
    }

    /** Assigns the course to the trainee; training may not know the course yet right after start, so retry briefly. */
    private static void assign(GraphQlClient manager, String traineeId) {
        await("the course reaching training").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> manager.execute(ASSIGN, Map.of("i", Map.of("courseId", "course-phishing",
                        "userIds", List.of(traineeId), "dueAt", Instant.now().plus(Duration.ofDays(5)).toString()))),
                        reply -> reply.errorCodes().isEmpty());
    }

    @Test
    void a_manager_assigns_training_and_the_trainees_bell_rings_live_and_an_email_arrives() throws Exception {
        GraphQlClient trainee = as("trainee@acme.test");
        GraphQlClient manager = as("manager@acme.test");
        String traineeId = trainee.execute("{ me { id } }").assertNoErrors().get("data.me.id");

        try (GraphQlWsClient bell = GraphQlWsClient.connect(stack.routerUrl(), stack.token("trainee@acme.test"))) {
            bell.subscribe("bell", "subscription { notificationReceived { id kind title read } }", Map.of());
            // the subscription starts asynchronously (client → router → notification): assign again until it rings
            JsonNode rang = null;
            for (int attempt = 0; attempt < 5 && rang == null; attempt++) {
                assign(manager, traineeId);
                Optional<Received> pushed = bell.poll(Duration.ofSeconds(15));
                if (pushed.isPresent() && pushed.get() instanceof GraphQlWsClient.Message message) {
                    rang = message.json();
                }
            }
            assertThat(rang).as("the bell rang").isNotNull();
            assertThat(rang.path("type").asString()).as(rang.toString()).isEqualTo("next");
            JsonNode notification = rang.path("payload").path("data").path("notificationReceived");
            assertThat(notification.path("kind").asString()).isEqualTo("TRAINING_ASSIGNED");
            assertThat(notification.path("title").asString()).startsWith("New training assigned: ");
        }

        // other tests of the shared stack e-mail this trainee too: this assignment's e-mail links to its course
        await("the assignment e-mail in the local mailbox").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stack.mail().stream().anyMatch(NotificationsThroughRouterTest::phishingAssignment));
        MailCatcher.Mail mail = stack.mail().stream().filter(NotificationsThroughRouterTest::phishingAssignment).findFirst().orElseThrow();
        assertThat(mail.subject()).startsWith("New training assigned: ");
        assertThat(mail.html()).contains("New training assigned: ");
        assertThat(mail.listUnsubscribe()).contains("/unsubscribe/");

        GraphQlClient.Response inbox = trainee.execute("{ unreadNotificationCount notifications(first: 5) { edges { node { kind } } } }")
                .assertNoErrors();
        assertThat(inbox.<Integer>get("data.unreadNotificationCount")).isPositive();
        assertThat(inbox.<List<String>>get("data.notifications.edges[*].node.kind")).contains("TRAINING_ASSIGNED");
        assertThat(as("manager@acme.test").execute("{ notifications(first: 50) { edges { node { subjectId kind } } } }")
                .assertNoErrors().<List<String>>get("data.notifications.edges[*].node.kind"))
                .as("the trainee's notification is the trainee's").doesNotContain("TRAINING_ASSIGNED");
    }

    private static boolean phishingAssignment(MailCatcher.Mail mail) {
        return mail.to().contains("trainee@acme.test") && mail.text() != null && mail.text().contains("/courses/course-phishing");
    }
}
