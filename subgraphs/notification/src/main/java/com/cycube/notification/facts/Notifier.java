package com.cycube.notification.facts;

import com.cycube.notification.inbox.NotificationDocument;
import com.cycube.notification.inbox.NotificationKind;
import com.cycube.notification.inbox.NotificationStore;
import com.cycube.notification.preferences.PreferenceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes one notification for one recipient from one event — once (its id derives from the event, the recipient and
 * the kind) and only when the recipient wants that kind in the app.
 */
@Component
public class Notifier {

    private final NotificationStore store;
    private final PreferenceStore preferences;

    public Notifier(NotificationStore store, PreferenceStore preferences) {
        this.store = store;
        this.preferences = preferences;
    }

    /** What to tell whom. */
    public record Message(String organizationId, String userId, NotificationKind kind, String title, String body,
                          String link, String subjectId) {
    }

    public void notify(String eventId, Instant at, Message message) {
        if (!preferences.of(message.userId(), message.kind()).inApp()) {
            return;
        }
        String id = UUID.nameUUIDFromBytes((eventId + "|" + message.userId() + "|" + message.kind())
                .getBytes(StandardCharsets.UTF_8)).toString();
        store.add(new NotificationDocument(id, message.organizationId(), message.userId(), message.kind(),
                message.title(), message.body(), message.link(), message.subjectId(), at, null, 1L));
    }
}
