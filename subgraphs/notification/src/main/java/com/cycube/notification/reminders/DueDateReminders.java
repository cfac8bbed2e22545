package com.cycube.notification.reminders;

import com.cycube.notification.NotificationProperties;
import com.cycube.notification.facts.Notifier;
import com.cycube.notification.inbox.NotificationKind;
import com.cycube.notification.people.DirectoryStore;
import com.cycube.notification.people.PersonDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reminders of due dates, sent by time rather than by an event: "due in 3 days", "due in 1 day" (the configured
 * leads) and "overdue" to the learner, and "overdue" to the organization's managers. Each reminder of an enrollment is
 * sent once: the notification is written first under an id made of the enrollment, the reminder and the recipient
 * (writing it again changes nothing), then the reminder is claimed on the due date — a stop between the two sends it
 * again on the next tick as the same notification, so nothing is lost and nothing doubled across restarts and
 * instances. A completed course stops its reminders.
 */
@Component
public class DueDateReminders {

    static final int BATCH = 500;

    private final DueDateStore dueDates;
    private final Notifier notifier;
    private final DirectoryStore directory;
    private final List<Duration> leads;
    private final Clock clock;

    public DueDateReminders(DueDateStore dueDates, Notifier notifier, DirectoryStore directory,
                            NotificationProperties properties, Clock clock) {
        this.dueDates = dueDates;
        this.notifier = notifier;
        this.directory = directory;
        this.leads = properties.reminders().leads().stream().sorted(Comparator.reverseOrder()).toList();
        this.clock = clock;
    }

    /** Sends what is due now; returns how many reminders were claimed. */
    public int tick() {
        Instant now = clock.instant();
        int sent = 0;
        for (int i = 0; i < leads.size(); i++) {
            Duration lead = leads.get(i);
            Duration shorter = i + 1 < leads.size() ? leads.get(i + 1) : null;
            String reminder = "DUE_IN_" + lead;
            for (DueDateDocument due : dueDates.needing(reminder, now.plus(lead), BATCH)) {
                // already past: the overdue reminder says it; within a shorter lead too: that one says it (once)
                boolean superseded = !due.dueAt().isAfter(now)
                        || (shorter != null && due.dueAt().isBefore(now.plus(shorter)));
                if (!superseded) {
                    Duration left = Duration.between(now, due.dueAt());
                    long hours = Math.max(1, (left.toMinutes() + 59) / 60);
                    notifier.notify(id(due, reminder), now, new Notifier.Message(due.organizationId(), due.userId(),
                            NotificationKind.DUE_SOON, "/courses/" + due.courseId(), due.courseId(),
                            hours < 24 ? "DUE_SOON.hours" : "DUE_SOON.days", directory.courseTitle(due.courseId()),
                            hours < 24 ? hours : (hours + 23) / 24, due.dueAt()));
                }
                sent += dueDates.claim(due.id(), reminder) ? 1 : 0;
            }
        }
        for (DueDateDocument due : dueDates.needing("OVERDUE", now, BATCH)) {
            Object course = directory.courseTitle(due.courseId());
            notifier.notify(id(due, "OVERDUE"), now, new Notifier.Message(due.organizationId(), due.userId(),
                    NotificationKind.OVERDUE, "/courses/" + due.courseId(), due.courseId(), "OVERDUE", course, due.dueAt()));
            Object learner = directory.learnerName(due.userId());
            for (PersonDocument manager : directory.managersOf(due.organizationId())) {
                notifier.notify(id(due, "OVERDUE"), now, new Notifier.Message(due.organizationId(), manager.id(),
                        NotificationKind.LEARNER_OVERDUE, "/people/" + due.userId(), due.id(), "LEARNER_OVERDUE", learner,
                        course, due.dueAt()));
            }
            sent += dueDates.claim(due.id(), "OVERDUE") ? 1 : 0;
        }
        return sent;
    }

    private static String id(DueDateDocument due, String reminder) {
        return "reminder:" + due.id() + ":" + reminder;
    }
}
