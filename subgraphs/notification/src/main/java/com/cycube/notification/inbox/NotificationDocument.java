package com.cycube.notification.inbox;

import com.cycube.support.live.LiveDocument;
import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * One notification for one user. {@code id} derives from the event and the recipient, so a redelivered event makes no
 * second notification. {@code link} is where the frontend takes the user (a path of the web console, e.g.
 * {@code /courses/course-linux}); {@code subjectId} the course, lab or certificate it is about.
 */
public record NotificationDocument(@Id String id, String organizationId, String userId, NotificationKind kind,
                                   String title, String body, String link, String subjectId, Instant createdAt,
                                   Instant readAt, long revision) implements LiveDocument {

    public static final String COLLECTION = "notifications";

    public boolean read() {
        return readAt != null;
    }
}
