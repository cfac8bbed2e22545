package com.cycube.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.NotificationIntegrationTest;
import com.cycube.notification.facts.Notifier;
import com.cycube.notification.inbox.NotificationKind;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E-mail: a notification the recipient wants by e-mail goes out over SMTP (here a real server in the test JVM) once,
 * in their language, as HTML and text, with a one-click unsubscribe that changes exactly that preference; what cannot
 * be sent now is sent later; one organization's burst does not hold back another's.
 */
class EmailTest extends NotificationIntegrationTest {

    static final Instant DUE = Instant.parse("2030-03-04T17:00:00Z");
    static final String PREFERENCES = "{ notificationPreferences { kind inApp email } }";

    @Autowired
    MailDispatcher dispatcher;

    @Autowired
    MailStore outbox;

    private DomainEvent assign(Persona learner, String enrollmentId) {
        return append(learner.organizationId(), new Enrolled(enrollmentId, learner.subject(), "course-linux", "ASSIGNMENT",
                "assignment-1", null, DUE, clock.instant()));
    }

    private MimeMessage[] received() {
        return SMTP.getReceivedMessages();
    }

    @Test
    void training_assigned_is_emailed_once_as_html_and_text_with_a_one_click_unsubscribe() throws Exception {
        DomainEvent assigned = assign(Persona.ACME_TRAINEE, "e1");
        drain();
        eventLog.append(assigned); // delivered again: still one e-mail
        drain();

        assertThat(dispatcher.sendDue()).isEqualTo(1);
        assertThat(dispatcher.sendDue()).isZero();

        assertThat(received()).hasSize(1);
        MimeMessage mail = received()[0];
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString)).containsExactly("trainee@acme.test");
        assertThat(mail.getSubject()).isEqualTo("New training assigned: Linux basics");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getHeader("List-Unsubscribe", null)).matches("<http://localhost:4007/unsubscribe/[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+>");
        assertThat(mail.getHeader("Message-ID", null)).endsWith("@notification.cycube>");
        assertThat(mail.getHeader("Content-Language", null)).isEqualTo("en");

        MimeMultipart alternatives = alternatives(mail);
        String text = (String) alternatives.getBodyPart(0).getContent();
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = (String) alternatives.getBodyPart(1).getContent();
        assertThat(text).contains("Hello Adam Trainee,").contains("Due Monday 4 March 2030, 17:00 UTC.")
                .contains("http://localhost:5173/courses/course-linux").contains("Stop e-mails about training assigned to you");
        assertThat(html).contains("<h1").contains("New training assigned: Linux basics")
                .contains("href=\"http://localhost:5173/courses/course-linux\"").contains("lang=\"en\"");
    }

    @Test
    void a_recipient_who_reads_german_gets_the_email_and_the_in_app_text_in_german_and_any_other_language_falls_back_to_english() throws Exception {
        assign(OTHER_ACME_TRAINEE, "e-de");
        append(Persona.ACME, new ContactDetailsChanged(Persona.ACME_TRAINEE.subject(), Persona.ACME_TRAINEE.email(), "fr-FR", 5));
        drain();
        assign(Persona.ACME_TRAINEE, "e-fr");
        drain();

        dispatcher.sendDue();

        assertThat(received()).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Neue Schulung zugewiesen: Linux basics", "New training assigned: Linux basics");
        MimeMessage german = Arrays.stream(received()).filter(mail -> subject(mail).startsWith("Neue")).findFirst().orElseThrow();
        assertThat(german.getHeader("Content-Language", null)).isEqualTo("de");
        assertThat((String) alternatives(german).getBodyPart(0).getContent()).contains("Hallo Olga Other,")
                .contains("Fällig am Montag, 4. März 2030, 17:00 UTC.").contains("Keine E-Mails mehr über Ihnen zugewiesene Schulungen");
        assertThat(as(OTHER_ACME_TRAINEE, "{ notifications(first: 5) { edges { node { title body } } } }").assertNoErrors()
                .<String>get("data.notifications.edges[0].node.title")).isEqualTo("Neue Schulung zugewiesen: Linux basics");
    }

    @Test
    void one_click_unsubscribe_stops_emails_of_that_kind_only_and_keeps_them_in_the_app() throws Exception {
        assign(Persona.ACME_TRAINEE, "e1");
        drain();
        dispatcher.sendDue();
        String link = received()[0].getHeader("List-Unsubscribe", null).replaceAll("[<>]", "")
                .replace("http://localhost:4007", "http://127.0.0.1:" + port);

        HttpResponse<String> page = http(HttpRequest.newBuilder(URI.create(link)).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop e-mails about training assigned to you?").contains("<form");
        assertThat(emailPreference(NotificationKind.TRAINING_ASSIGNED)).as("opening the link changes nothing").isTrue();

        HttpResponse<String> done = http(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("no more e-mails about training assigned to you");

        assertThat(emailPreference(NotificationKind.TRAINING_ASSIGNED)).isFalse();
        assertThat(emailPreference(NotificationKind.CERTIFICATE_ISSUED)).as("other kinds unchanged").isTrue();
        assign(Persona.ACME_TRAINEE, "e2");
        drain();
        dispatcher.sendDue();
        assertThat(received()).hasSize(1);
        assertThat(as(Persona.ACME_TRAINEE, "{ unreadNotificationCount }").assertNoErrors()
                .<Integer>get("data.unreadNotificationCount")).as("still told in the app").isEqualTo(2);
    }

    @Test
    void a_forged_or_altered_unsubscribe_link_is_refused_and_changes_nothing() throws Exception {
        assign(Persona.ACME_TRAINEE, "e1");
        drain();
        dispatcher.sendDue();
        String link = received()[0].getHeader("List-Unsubscribe", null).replaceAll("[<>]", "")
                .replace("http://localhost:4007", "http://127.0.0.1:" + port);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String otherUser = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (Persona.ACME_MANAGER.subject() + "|TRAINING_ASSIGNED").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String forged : List.of(otherUser + token.substring(token.indexOf('.')), token + "x", "nonsense", "a.b")) {
            HttpResponse<String> refused = http(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/unsubscribe/" + forged))
                    .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
            assertThat(refused.statusCode()).as(forged).isEqualTo(400);
            assertThat(refused.body()).contains("This unsubscribe link is not valid");
        }
        assertThat(emailPreference(NotificationKind.TRAINING_ASSIGNED)).isTrue();
        assertThat(as(Persona.ACME_MANAGER, PREFERENCES).assertNoErrors().<List<Map<String, Object>>>get("data.notificationPreferences"))
                .filteredOn(preference -> "TRAINING_ASSIGNED".equals(preference.get("kind")))
                .singleElement().satisfies(preference -> assertThat(preference.get("email")).isEqualTo(true));
    }

    @Test
    void kinds_that_are_in_app_only_by_default_send_no_email() {
        append(Persona.ACME, new LabStateChanged("lab-1", Persona.ACME_TRAINEE.subject(), "cube-1", "t1", "RUNNING", "PROVISIONING"));
        drain();
        assertThat(dispatcher.sendDue()).isZero();
        assertThat(received()).isEmpty();
    }

    @Test
    void a_mail_the_server_cannot_take_now_is_retried_with_backoff_and_sent_once_when_it_is_back() throws Exception {
        assign(Persona.ACME_TRAINEE, "e1");
        drain();
        SMTP.stop();
        try {
            assertThat(dispatcher.sendDue()).isZero();
        } finally {
            SMTP.start();
        }
        assertThat(dispatcher.sendDue()).as("not before the backoff").isZero();
        String id = outbox.find(onlyMailId()).orElseThrow().getString("_id");
        assertThat(outbox.find(id).orElseThrow().getInteger("attempts")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.sendDue()).isEqualTo(1);
        assertThat(received()).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().getString("status")).isEqualTo("SENT");
    }

    @Test
    void an_address_that_arrives_after_the_fact_is_waited_for_and_a_deactivated_recipient_gets_nothing() throws Exception {
        Persona newcomer = Persona.person("00000000-0000-4000-8000-000000000099", "new@acme.test", "Nina New", "TRAINEE", Persona.ACME);
        append(Persona.ACME, new UserChanged(newcomer.subject(), newcomer.name(), "TRAINEE", List.of(), true, 1L, "ACTIVE"));
        assign(newcomer, "e-new");
        drain();
        assertThat(dispatcher.sendDue()).isZero();

        append(Persona.ACME, new ContactDetailsChanged(newcomer.subject(), newcomer.email(), null, 1L));
        drain();
        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.sendDue()).isEqualTo(1);
        assertThat(received()[0].getAllRecipients()[0].toString()).isEqualTo("new@acme.test");

        assign(Persona.ACME_TRAINEE, "e-gone");
        append(Persona.ACME, new UserChanged(Persona.ACME_TRAINEE.subject(), Persona.ACME_TRAINEE.name(), "TRAINEE",
                List.of(), false, nextVersion(Persona.ACME_TRAINEE.subject()), "DEACTIVATED"));
        drain();
        assertThat(dispatcher.sendDue()).isZero();
        assertThat(received()).hasSize(1);
    }

    @Test
    void a_burst_of_one_organization_does_not_hold_back_another_organizations_mail() {
        for (int i = 0; i < 120; i++) {
            outbox.enqueue("burst-" + i, clock.instant(), new Notifier.Message(Persona.ACME, Persona.ACME_MANAGER.subject(),
                    NotificationKind.TRAINING_ASSIGNED, "/courses/course-linux", "course-linux", "TRAINING_ASSIGNED.undated", "Linux basics"));
        }
        outbox.enqueue("globex-1", clock.instant(), new Notifier.Message(Persona.GLOBEX, Persona.GLOBEX_MANAGER.subject(),
                NotificationKind.TRAINING_ASSIGNED, "/courses/course-linux", "course-linux", "TRAINING_ASSIGNED.undated", "Linux basics"));

        dispatcher.sendDue();

        assertThat(received()).filteredOn(mail -> recipient(mail).equals("manager@globex.test")).hasSize(1);
        assertThat(received()).filteredOn(mail -> recipient(mail).equals("manager@acme.test")).hasSize(50);
    }

    private boolean emailPreference(NotificationKind kind) {
        return as(Persona.ACME_TRAINEE, PREFERENCES).assertNoErrors().<List<Map<String, Object>>>get("data.notificationPreferences")
                .stream().filter(preference -> kind.name().equals(preference.get("kind"))).map(preference -> (Boolean) preference.get("email"))
                .findFirst().orElseThrow();
    }

    private String onlyMailId() {
        return mongo.findAll(org.bson.Document.class, MailStore.COLLECTION).get(0).getString("_id");
    }

    private static MimeMultipart alternatives(MimeMessage mail) throws Exception {
        MimeMultipart mixed = (MimeMultipart) mail.getContent();
        Object first = mixed.getBodyPart(0).getContent();
        return first instanceof MimeMultipart related && related.getBodyPart(0).getContent() instanceof MimeMultipart alt
                ? alt : first instanceof MimeMultipart alt2 ? alt2 : mixed;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
