package com.cycube.notification.mail;

import com.cycube.notification.NotificationProperties;
import com.cycube.notification.facts.Wording;
import com.cycube.notification.inbox.NotificationKind;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Writes an e-mail in the recipient's language: the notification's title as subject, an HTML and a plain-text body
 * from the templates {@code mail/notification.html} and {@code mail/notification.txt}, with a link into the console,
 * why the recipient gets it and how to stop it.
 */
@Component
public class MailComposer {

    private final SpringTemplateEngine templates;
    private final Wording wording;
    private final UnsubscribeLinks unsubscribe;
    private final String consoleUrl;

    public MailComposer(SpringTemplateEngine mailTemplateEngine, Wording wording, UnsubscribeLinks unsubscribe,
                        NotificationProperties properties) {
        this.templates = mailTemplateEngine;
        this.wording = wording;
        this.unsubscribe = unsubscribe;
        this.consoleUrl = properties.mail().consoleUrl().replaceAll("/+$", "");
    }

    /** An e-mail ready to send. */
    public record Mail(String subject, String text, String html, String unsubscribeUrl, Locale locale) {
    }

    public Mail compose(MailStore.PendingMail pending, String recipientName, Locale locale) {
        Wording.Text text = wording.render(pending.text(), pending.args(), locale);
        String unsubscribeUrl = unsubscribe.url(pending.userId(), pending.kind());
        Context context = new Context(locale, Map.of(
                "name", recipientName == null ? "" : recipientName,
                "title", text.title(),
                "body", text.body(),
                "actionUrl", consoleUrl + (pending.link() == null ? "/" : pending.link()),
                "kindLabel", label(pending.kind(), locale),
                "unsubscribeUrl", unsubscribeUrl,
                "preferencesUrl", consoleUrl + "/settings/notifications"));
        return new Mail(text.title(), templates.process("notification.txt", context),
                templates.process("notification.html", context), unsubscribeUrl, locale);
    }

    /** What a kind of notification is called in {@code locale} ("graded answers"). */
    public String label(NotificationKind kind, Locale locale) {
        return wording.message("kind." + kind.name(), locale);
    }
}
