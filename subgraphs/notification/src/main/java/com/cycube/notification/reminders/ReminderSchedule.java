package com.cycube.notification.reminders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the due-date reminders every {@code cycube.notification.reminders.interval} (default 1 min) when
 * {@code cycube.notification.reminders.enabled} (tests switch it off and call {@link DueDateReminders#tick()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cycube.notification.reminders.enabled", havingValue = "true", matchIfMissing = true)
public class ReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final DueDateReminders reminders;

    public ReminderSchedule(DueDateReminders reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${cycube.notification.reminders.interval:1m}", initialDelayString = "${cycube.notification.reminders.interval:1m}")
    void tick() {
        try {
            reminders.tick();
        } catch (RuntimeException e) {
            log.error("Sending due-date reminders failed", e);
        }
    }
}
