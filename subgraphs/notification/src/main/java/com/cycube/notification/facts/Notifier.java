package com.cycube.notification.facts;

import com.cycube.notification.inbox.NotificationDocument;
import com.cycube.notification.inbox.NotificationKind;
import com.cycube.notification.inbox.NotificationStore;
import com.cycube.notification.mail.MailStore;
import com.cycube.notification.people.Contact;
import com.cycube.notification.people.DirectoryStore;
import com.cycube.notification.preferences.NotificationPreference;
import com.cycube.notification.preferences.PreferenceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells one recipient one fact, once per channel they want: in the app (written in their language, under an id that
 * derives from the event, the recipient and the kind, so writing it again changes nothing) and by e-mail (queued
 * under the same id in {@link MailStore}; the address and language are looked up when it is sent).
 */
@Component
public class Notifier {

    private final NotificationStore store;
    private final PreferenceStore preferences;
    private final DirectoryStore directory;
    private final Wording wording;
    private final MailStore mail;

    public Notifier(NotificationStore store, PreferenceStore preferences, DirectoryStore directory, Wording wording,
                    MailStore mail) {
        this.store = store;
        this.preferences = preferences;
        this.directory = directory;
        this.wording = wording;
        this.mail = mail;
    }

    /**
     * What to tell whom: {@code text} names the texts ({@code <text>.title} / {@code .body} in
     * {@code i18n/notifications.properties}), {@code args} their arguments (strings, numbers, instants, {@link Wording.Term}s).
     */
    public record Message(String organizationId, String userId, NotificationKind kind, String link, String subjectId,
                          String text, Object... args) {
    }

    public void notify(String eventId, Instant at, Message message) {
        NotificationPreference wants = preferences.of(message.userId(), message.kind());
        String id = UUID.nameUUIDFromBytes((eventId + "|" + message.userId() + "|" + message.kind())
                .getBytes(StandardCharsets.UTF_8)).toString();
        if (wants.inApp()) {
            String locale = directory.contact(message.userId()).map(Contact::locale).orElse(null);
            Wording.Text text = wording.render(message.text(), Arrays.asList(message.args()), Wording.localeOf(locale));
            store.add(new NotificationDocument(id, message.organizationId(), message.userId(), message.kind(),
                    text.title(), text.body(), message.link(), message.subjectId(), at, null, 1L));
        }
        if (wants.email()) {
            mail.enqueue(id, at, message);
        }
    }
}
