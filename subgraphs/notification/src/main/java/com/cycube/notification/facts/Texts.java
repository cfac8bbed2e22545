package com.cycube.notification.facts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How notifications write times (English, UTC; localized texts come with the e-mail templates). */
public final class Texts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Texts() {
    }

    public static String when(Instant at) {
        return WHEN.format(at);
    }
}
