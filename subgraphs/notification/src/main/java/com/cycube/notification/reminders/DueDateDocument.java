package com.cycube.notification.reminders;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;

/**
 * An assigned enrollment's due date as notification follows it: the earliest due date of its assignments, whether the
 * course is completed (then nothing more is sent), and which reminders were sent already ({@code DUE_IN_<lead>},
 * {@code OVERDUE}) — each sent once, whatever restarts happen in between.
 */
public record DueDateDocument(@Id String id, String organizationId, String userId, String courseId, Instant dueAt,
                              boolean completed, List<String> sent) {

    public static final String COLLECTION = "due_dates";

    public DueDateDocument {
        sent = sent == null ? List.of() : sent;
    }
}
