package com.cycube.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.NotificationIntegrationTest;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** notificationReceived over WebSocket: the bell rings for the caller's own new notifications, never another's. */
class NotificationReceivedTest extends NotificationIntegrationTest {

    static final String RECEIVED = "subscription { notificationReceived { id kind title read } }";

    @Autowired
    NotificationUpdates updates;

    private void assign(Persona learner) {
        append(learner.organizationId(), new Enrolled(learner.organizationId() + ":" + learner.subject() + ":course-linux",
                learner.subject(), "course-linux", "ASSIGNMENT", "assignment-1", null, null, clock.instant()));
    }

    @Test
    void the_bell_rings_for_the_callers_new_notification_only() throws Exception {
        try (GraphQlWsClient trainee = GraphQlWsClient.connect(port, Persona.ACME_TRAINEE.token())) {
            long before = updates.feed().started();
            trainee.subscribe("bell", RECEIVED, Map.of());
            assertThat(updates.feed().awaitStarted(before + 1, Duration.ofSeconds(5))).isTrue();

            assign(OTHER_ACME_TRAINEE); // someone else's
            assign(Persona.ACME_TRAINEE);
            drain();

            String pushed = trainee.nextPayload();
            assertThat(GraphQlWsClient.<String>read(pushed, "payload.data.notificationReceived.title"))
                    .isEqualTo("New training assigned: Linux basics");
            assertThat(trainee.poll(Duration.ofMillis(800))).as("nothing for Olga's").isEmpty();

            as(Persona.ACME_TRAINEE, "mutation { markNotificationsRead(input: {all: true}) { unreadCount } }").assertNoErrors();
            assertThat(trainee.poll(Duration.ofMillis(800))).as("marking read is not a new notification").isEmpty();
        }
    }
}
