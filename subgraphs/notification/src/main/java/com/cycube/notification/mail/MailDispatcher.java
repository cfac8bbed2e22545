package com.cycube.notification.mail;

import com.cycube.notification.NotificationProperties;
import com.cycube.notification.facts.Wording;
import com.cycube.notification.people.Contact;
import com.cycube.notification.people.DirectoryStore;
import com.cycube.notification.people.PersonDocument;
import com.cycube.notification.preferences.PreferenceStore;
import com.cycube.support.observation.ExternalCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the queued e-mails over SMTP (Spring's {@link JavaMailSender}), one pass at a time: organizations in turn (at
 * most {@code per-organization} mails each per pass, so one organization's burst does not hold back another's), each
 * mail claimed with a lease, checked again against the recipient's preference and status, written in their language
 * and sent over one SMTP connection per pass. A failure is retried after each of {@code retries} (±20 % jitter), then
 * given up; a rejected address is given up at once; a recipient whose address has not arrived yet is waited for
 * {@code address-wait}.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration ADDRESS_RETRY = Duration.ofMinutes(1);

    private final MailStore outbox;
    private final MailComposer composer;
    private final DirectoryStore directory;
    private final PreferenceStore preferences;
    private final JavaMailSender sender;
    private final NotificationProperties.Mail settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    public MailDispatcher(MailStore outbox, MailComposer composer, DirectoryStore directory,
                          PreferenceStore preferences, JavaMailSender sender, NotificationProperties properties,
                          Clock clock, MeterRegistry meters, ObservationRegistry observations) {
        this.outbox = outbox;
        this.composer = composer;
        this.directory = directory;
        this.preferences = preferences;
        this.sender = sender;
        this.settings = properties.mail();
        this.clock = clock;
        this.meters = meters;
        this.observations = observations;
    }

    /** One pass: sends what is due now; returns how many mails were sent. */
    public int sendDue() {
        Instant now = clock.instant();
        Map<MimeMessage, MailStore.PendingMail> ready = new LinkedHashMap<>();
        for (String organization : outbox.organizationsWithMailDue(now, settings.batch())) {
            for (int i = 0; i < settings.perOrganization() && ready.size() < settings.batch(); i++) {
                Optional<MailStore.PendingMail> claimed = outbox.claim(organization, now, now.plus(LEASE));
                if (claimed.isEmpty()) {
                    break;
                }
                prepare(claimed.get(), now).ifPresent(message -> ready.put(message, claimed.get()));
            }
        }
        return ready.isEmpty() ? 0 : deliver(ready, now);
    }

    private Optional<MimeMessage> prepare(MailStore.PendingMail mail, Instant now) {
        if (!preferences.of(mail.userId(), mail.kind()).email()) {
            return skip(mail, now, "unsubscribed");
        }
        Optional<PersonDocument> person = directory.person(mail.userId());
        if (person.isPresent() && !person.get().active()) {
            return skip(mail, now, "recipient inactive");
        }
        Optional<Contact> contact = directory.contact(mail.userId()).filter(known -> known.email() != null);
        if (contact.isEmpty() || person.isEmpty()) {
            if (Duration.between(mail.createdAt(), now).compareTo(settings.addressWait()) < 0) {
                outbox.retryAt(mail.id(), mail.attempts(), now.plus(ADDRESS_RETRY), "waiting for the recipient's address");
                return Optional.empty();
            }
            return skip(mail, now, "no address");
        }
        Locale locale = Wording.localeOf(contact.get().locale());
        MailComposer.Mail composed = composer.compose(mail, person.get().displayName(), locale);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(contact.get().email());
            helper.setSubject(composed.subject());
            helper.setText(composed.text(), composed.html());
            message.setHeader("Message-ID", "<" + mail.id() + "@notification.cycube>");
            message.setHeader("List-Unsubscribe", "<" + composed.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("Content-Language", locale.toLanguageTag());
            message.setHeader("X-CyCube-Kind", mail.kind().name());
            return Optional.of(message);
        } catch (MessagingException | IllegalArgumentException unusable) {
            outbox.failed(mail.id(), now, "unusable message: " + unusable.getClass().getSimpleName());
            count("failed");
            return Optional.empty();
        }
    }

    private int deliver(Map<MimeMessage, MailStore.PendingMail> ready, Instant now) {
        Map<Object, Exception> failures = new LinkedHashMap<>();
        try {
            ExternalCalls.observe(observations, "smtp", "send", () -> {
                sender.send(ready.keySet().toArray(MimeMessage[]::new));
                return null;
            });
        } catch (MailSendException partly) {
            failures.putAll(partly.getFailedMessages());
            if (failures.isEmpty()) {
                ready.keySet().forEach(message -> failures.put(message, partly));
            }
        } catch (MailException unreachable) {
            ready.keySet().forEach(message -> failures.put(message, unreachable));
        }
        int sent = 0;
        for (Map.Entry<MimeMessage, MailStore.PendingMail> entry : ready.entrySet()) {
            Exception failure = failures.get(entry.getKey());
            if (failure == null) {
                outbox.sent(entry.getValue().id(), now);
                count("sent");
                sent++;
            } else {
                failed(entry.getValue(), failure, now);
            }
        }
        return sent;
    }

    private void failed(MailStore.PendingMail mail, Exception failure, Instant now) {
        String reason = failure.getClass().getSimpleName();
        int attempts = mail.attempts() + 1;
        boolean rejectedAddress = failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                && refused.getInvalidAddresses().length > 0;
        if (rejectedAddress || attempts > settings.retries().size()) {
            log.warn("Giving up e-mail {} after {} attempts: {}", mail.id(), attempts, reason);
            outbox.failed(mail.id(), now, reason);
            count("failed");
            return;
        }
        Duration wait = settings.retries().get(attempts - 1);
        long jitter = (long) (wait.toMillis() * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        outbox.retryAt(mail.id(), attempts, now.plus(wait).plusMillis(jitter), reason);
        count("retried");
    }

    private Optional<MimeMessage> skip(MailStore.PendingMail mail, Instant now, String reason) {
        outbox.skipped(mail.id(), now, reason);
        count("skipped");
        return Optional.empty();
    }

    private void count(String outcome) {
        meters.counter("cycube_notification_mails", "outcome", outcome).increment();
    }
}
