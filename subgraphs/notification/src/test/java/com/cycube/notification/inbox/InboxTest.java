package com.cycube.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.NotificationIntegrationTest;
import com.cycube.notification.facts.LearningEventsHandler;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.labs.LabExpiring;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox: what each fact tells whom, once; the unread count and marking read; preferences that silence a kind;
 * nobody else's notifications, ever.
 */
class InboxTest extends NotificationIntegrationTest {

    static final String INBOX = """
            query($unread: Boolean) { unreadNotificationCount notifications(first: 20, unreadOnly: $unread) {
              totalCount edges { node { id kind title body link subjectId read readAt createdAt } } } }""";

    @Autowired
    LearningEventsHandler handler;

    private DomainEvent assign(Persona learner, String courseId, Instant due) {
        return append(learner.organizationId(), new Enrolled(learner.organizationId() + ":" + learner.subject() + ":" + courseId,
                learner.subject(), courseId, "ASSIGNMENT", "assignment-1", null, due, clock.instant()));
    }

    private GraphQlClient.Response inbox(Persona persona) {
        return as(persona, INBOX, new java.util.HashMap<>());
    }

    @Test
    void training_assigned_to_a_learner_tells_them_once_with_the_course_and_the_due_date() {
        DomainEvent assigned = assign(Persona.ACME_TRAINEE, "course-linux", Instant.parse("2030-03-04T17:00:00Z"));
        drain();
        handler.handle(assigned); // delivered again

        GraphQlClient.Response response = inbox(Persona.ACME_TRAINEE).assertNoErrors();
        assertThat(response.<Integer>get("data.unreadNotificationCount")).isEqualTo(1);
        Map<String, Object> notification = response.get("data.notifications.edges[0].node");
        assertThat(notification).containsEntry("kind", "TRAINING_ASSIGNED")
                .containsEntry("title", "New training assigned: Linux basics")
                .containsEntry("body", "Due Monday 4 March 2030, 17:00 UTC.")
                .containsEntry("link", "/courses/course-linux").containsEntry("read", false);
        assertThat(inbox(OTHER_ACME_TRAINEE).<Integer>get("data.unreadNotificationCount")).isZero();
        assertThat(inbox(Persona.ACME_MANAGER).<Integer>get("data.unreadNotificationCount")).isZero();
    }

    @Test
    void self_enrolling_tells_nobody() {
        append(ACME, new Enrolled("e-self", Persona.ACME_TRAINEE.subject(), "course-linux", "SELF", null, null, null,
                clock.instant()));
        drain();

        assertThat(inbox(Persona.ACME_TRAINEE).<Integer>get("data.notifications.totalCount")).isZero();
    }

    @Test
    void labs_and_certificates_tell_their_owner_and_an_assigned_completion_tells_the_managers() {
        append(ACME, new LabStateChanged("lab-1", Persona.ACME_TRAINEE.subject(), "cube-1", "tmpl", "RUNNING", "PROVISIONING"));
        append(ACME, new LabStateChanged("lab-1", Persona.ACME_TRAINEE.subject(), "cube-1", "tmpl", "STOPPING", "RUNNING"));
        append(ACME, new LabExpiring("lab-2", Persona.ACME_TRAINEE.subject(), "cube-1", clock.instant().plusSeconds(600)));
        append(ACME, new LabStateChanged("lab-2", Persona.ACME_TRAINEE.subject(), "cube-1", "tmpl", "EXPIRED", "RUNNING"));
        append(ACME, new AnswerSubmitted(Persona.ACME_TRAINEE.subject(), "quiz-1", "q-auto", true, 10, 1, 0)); // automatic
        append(ACME, new AnswerSubmitted(Persona.ACME_TRAINEE.subject(), "quiz-1", "q-text", true, 8, 1, 0,
                Persona.ACME_MANAGER.subject()));
        append(ACME, new CertificateIssued("cert-1", Persona.ACME_TRAINEE.subject(), "course-linux", "Linux basics",
                clock.instant()));
        assign(OTHER_ACME_TRAINEE, "course-linux", clock.instant().plus(Duration.ofDays(3)));
        append(ACME, new CourseCompleted(ACME + ":" + OTHER_ACME_TRAINEE.subject() + ":course-linux",
                OTHER_ACME_TRAINEE.subject(), "course-linux", "Linux basics", 90.0, clock.instant()));
        append(ACME, new CourseCompleted("e-self", Persona.ACME_TRAINEE.subject(), "course-other", "Not assigned", 80.0,
                clock.instant()));
        drain();

        List<String> mine = inbox(Persona.ACME_TRAINEE).assertNoErrors().get("data.notifications.edges[*].node.kind");
        assertThat(mine).containsExactly("CERTIFICATE_ISSUED", "ANSWER_GRADED", "LAB_EXPIRED", "LAB_EXPIRING", "LAB_RUNNING");
        assertThat(inbox(Persona.ACME_TRAINEE).<List<String>>get("data.notifications.edges[*].node.title"))
                .contains("Your lab expires in 9 minutes", "Your answer was accepted");
        GraphQlClient.Response manager = inbox(Persona.ACME_MANAGER).assertNoErrors();
        assertThat(manager.<List<String>>get("data.notifications.edges[*].node.title"))
                .containsExactly("Olga Other completed Linux basics");
        assertThat(inbox(Persona.GLOBEX_MANAGER).<Integer>get("data.notifications.totalCount")).isZero();
    }

    @Test
    void marking_read_some_or_all_only_touches_the_callers_own() {
        assign(Persona.ACME_TRAINEE, "course-linux", null);
        append(ACME, new CertificateIssued("cert-1", Persona.ACME_TRAINEE.subject(), "course-linux", "Linux basics",
                clock.instant()));
        assign(OTHER_ACME_TRAINEE, "course-linux", null);
        drain();
        List<String> ids = inbox(Persona.ACME_TRAINEE).get("data.notifications.edges[*].node.id");
        String othersId = inbox(OTHER_ACME_TRAINEE).<List<String>>get("data.notifications.edges[*].node.id").get(0);
        String mark = "mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { unreadCount } }";

        assertThat(as(Persona.ACME_TRAINEE, mark, Map.of("i", Map.of("ids", List.of(ids.get(0), othersId))))
                .assertNoErrors().<Integer>get("data.markNotificationsRead.unreadCount")).isEqualTo(1);
        assertThat(inbox(OTHER_ACME_TRAINEE).<Integer>get("data.unreadNotificationCount")).as("not theirs to mark").isEqualTo(1);
        assertThat(as(Persona.ACME_TRAINEE, mark, Map.of("i", Map.of("all", true))).assertNoErrors()
                .<Integer>get("data.markNotificationsRead.unreadCount")).isZero();
        assertThat(as(Persona.ACME_TRAINEE, INBOX, Map.of("unread", true)).<Integer>get("data.notifications.totalCount")).isZero();

        assertThat(as(Persona.ACME_TRAINEE, mark, Map.of("i", Map.of())).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ACME_TRAINEE, mark, Map.of("i", Map.of("ids", List.of("x"), "all", true))).errorCodes())
                .containsExactly("BAD_USER_INPUT");
    }

    @Test
    void a_kind_switched_off_in_the_app_is_not_written() {
        String update = """
                mutation($i: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $i) {
                  preferences { kind inApp email } } }""";
        GraphQlClient.Response changed = as(Persona.ACME_TRAINEE, update, Map.of("i", Map.of("preferences",
                List.of(Map.of("kind", "TRAINING_ASSIGNED", "inApp", false, "email", false))))).assertNoErrors();
        assertThat(changed.<List<Object>>get("data.updateNotificationPreferences.preferences[?(@.kind == 'TRAINING_ASSIGNED')].inApp"))
                .containsExactly(false);
        assertThat(as(Persona.ACME_TRAINEE, "{ notificationPreferences { kind inApp email } }").assertNoErrors()
                .<List<Object>>get("data.notificationPreferences[?(@.kind == 'CERTIFICATE_ISSUED')].email"))
                .as("defaults for what was not changed").containsExactly(true);

        assign(Persona.ACME_TRAINEE, "course-linux", null);
        drain();

        assertThat(inbox(Persona.ACME_TRAINEE).<Integer>get("data.notifications.totalCount")).isZero();
        assertThat(as(Persona.ACME_TRAINEE, update, Map.of("i", Map.of("preferences", List.of(
                Map.of("kind", "LAB_RUNNING", "inApp", true, "email", false),
                Map.of("kind", "LAB_RUNNING", "inApp", false, "email", false))))).errorCodes()).containsExactly("BAD_USER_INPUT");
    }

    @Test
    void integration_clients_have_no_inbox() {
        assertThat(inbox(Persona.ACME_HR_INTEGRATION).errorCodes()).contains("FORBIDDEN");
    }
}
