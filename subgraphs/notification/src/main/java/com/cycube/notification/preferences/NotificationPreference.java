package com.cycube.notification.preferences;

import com.cycube.notification.inbox.NotificationKind;

/** Whether a user gets one kind of notification in the app and by e-mail. */
public record NotificationPreference(NotificationKind kind, boolean inApp, boolean email) {

    /** What a user gets before changing anything: everything in the app; by e-mail what needs action. */
    public static NotificationPreference defaultFor(NotificationKind kind) {
        return new NotificationPreference(kind, true, kind.defaultEmail());
    }
}
