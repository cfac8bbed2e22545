package com.cycube.notification.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.NotificationIntegrationTest;
import com.cycube.notification.mail.MailDispatcher;
import com.cycube.support.contracts.audit.SecurityAlertRaised;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit trail's security alerts reach who can act on them: an organization's alert its managers (in the app and by
 * e-mail, once however often it arrives), nobody else; a platform alert root.
 */
class SecurityAlertsTest extends NotificationIntegrationTest {

    static final String INBOX = "{ notifications(first: 10) { edges { node { kind title body link } } } }";
    static final Instant SINCE = Instant.parse("2026-12-07T10:00:00Z");

    @Autowired
    MailDispatcher mail;

    @Test
    void an_organizations_alert_tells_its_managers_in_the_app_and_by_email_once_and_nobody_else() throws Exception {
        DomainEvent raised = append(Persona.ACME, new SecurityAlertRaised("alert-1", "ROLE_GRANTED_MANAGER", Persona.ACME,
                OTHER_ACME_TRAINEE.subject(), 1, SINCE, SINCE.plusSeconds(5), "granted", "record-1"));
        drain();
        eventLog.append(raised); // delivered again
        drain();

        assertThat(as(Persona.ACME_MANAGER, INBOX).assertNoErrors().<List<String>>get("data.notifications.edges[*].node.title"))
                .containsExactly("Security alert: Olga Other was made a manager");
        assertThat(as(Persona.ACME_MANAGER, INBOX).assertNoErrors().<String>get("data.notifications.edges[0].node.link"))
                .isEqualTo("/audit?alert=alert-1");
        assertThat(as(Persona.ACME_TRAINEE, INBOX).assertNoErrors().<List<Object>>get("data.notifications.edges")).isEmpty();
        assertThat(as(Persona.GLOBEX_MANAGER, INBOX).assertNoErrors().<List<Object>>get("data.notifications.edges")).isEmpty();

        mail.sendDue();
        MimeMessage[] sent = SMTP.getReceivedMessages();
        assertThat(sent).hasSize(1);
        assertThat(sent[0].getAllRecipients()[0].toString()).isEqualTo("manager@acme.test");
        assertThat(sent[0].getSubject()).isEqualTo("Security alert: Olga Other was made a manager");
    }

    @Test
    void a_platform_alert_tells_root_with_the_count_and_an_unknown_kind_is_told_with_its_summary() {
        append(null, new UserChanged(Persona.ROOT.subject(), Persona.ROOT.name(), "ROOT", List.of(), true, 1L, "ACTIVE"));
        append(null, new ContactDetailsChanged(Persona.ROOT.subject(), Persona.ROOT.email(), null, 1L));
        drain(); // root is known before the alerts (consumer groups keep no order between them)
        append(null, new SecurityAlertRaised("alert-2", "FAILED_SIGN_INS_FROM_ADDRESS", null, "203.0.113.7", 12, SINCE,
                SINCE.plusSeconds(60), "12 failed sign-ins", "record-2"));
        append(null, new SecurityAlertRaised("alert-3", "SOMETHING_NEW", null, "203.0.113.7", 3, SINCE,
                SINCE.plusSeconds(60), "3 new things from 203.0.113.7", "record-3"));
        drain();

        assertThat(as(Persona.ROOT, INBOX).assertNoErrors().<List<String>>get("data.notifications.edges[*].node.body"))
                .containsExactlyInAnyOrder(
                        "12 failed sign-ins from 203.0.113.7 since Monday 7 December 2026, 10:00 UTC, possibly password guessing. Check the audit log.",
                        "3 new things from 203.0.113.7 (since Monday 7 December 2026, 10:00 UTC). Check the audit log.");
        assertThat(as(Persona.ACME_MANAGER, INBOX).assertNoErrors().<List<Object>>get("data.notifications.edges")).isEmpty();
        assertThat(Arrays.asList(SMTP.getReceivedMessages())).isEmpty(); // sent by the dispatcher's pass only
    }
}
