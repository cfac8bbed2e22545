package com.cycube.notification.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends queued e-mail every {@code cycube.notification.mail.interval} (default 5 s) when
 * {@code cycube.notification.mail.enabled}; a pass that filled its batch is followed by another at once (tests switch
 * the schedule off and call {@link MailDispatcher#sendDue()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "cycube.notification.mail.enabled", havingValue = "true", matchIfMissing = true)
public class MailSchedule {

    private static final Logger log = LoggerFactory.getLogger(MailSchedule.class);

    private final MailDispatcher dispatcher;

    public MailSchedule(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${cycube.notification.mail.interval:5s}", initialDelayString = "${cycube.notification.mail.interval:5s}")
    void tick() {
        try {
            while (dispatcher.sendDue() > 0) {
                // keep going while there is mail: a burst drains at SMTP speed, not one batch per interval
            }
        } catch (RuntimeException e) {
            log.error("Sending e-mail failed", e);
        }
    }
}
