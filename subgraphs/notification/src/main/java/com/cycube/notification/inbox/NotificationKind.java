package com.cycube.notification.inbox;

/**
 * What a notification is about; each kind has its own preferences per channel. {@link #defaultEmail()} is what a user
 * gets by e-mail before they change anything: what needs action; the rest is in-app only.
 */
public enum NotificationKind {
    TRAINING_ASSIGNED(true),
    DUE_SOON(true),
    OVERDUE(true),
    LAB_RUNNING(false),
    LAB_EXPIRING(false),
    LAB_EXPIRED(false),
    ANSWER_GRADED(false),
    CERTIFICATE_ISSUED(true),
    LEARNER_COMPLETED_ASSIGNMENT(false),
    LEARNER_OVERDUE(false),
    WEBHOOK_DISABLED(true),
    SECURITY_ALERT(true);

    private final boolean defaultEmail;

    NotificationKind(boolean defaultEmail) {
        this.defaultEmail = defaultEmail;
    }

    public boolean defaultEmail() {
        return defaultEmail;
    }
}
