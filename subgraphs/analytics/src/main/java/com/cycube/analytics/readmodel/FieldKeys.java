package com.cycube.analytics.readmodel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * Names of figure fields that carry a value: a week, a day, an instant, an id. MongoDB field names may not contain
 * dots nor start with a dollar sign, so ids are encoded; weeks and days are ISO dates (UTC), which sort as text.
 */
public final class FieldKeys {

    private FieldKeys() {
    }

    /** The Monday (UTC) of the week of {@code at}, e.g. {@code 2026-12-07}. */
    public static String week(Instant at) {
        return weekStart(at).toString();
    }

    public static LocalDate weekStart(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The UTC day of {@code at}, e.g. {@code 2026-12-09}. */
    public static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** An instant as a field name: its epoch milliseconds, prefixed so that it is not a number-looking name. */
    public static String instant(Instant at) {
        return "t" + at.toEpochMilli();
    }

    public static Instant parseInstant(String field) {
        return Instant.ofEpochMilli(Long.parseLong(field.substring(1)));
    }

    /** An id as one field-name segment: {@code %}, {@code .} and {@code $} percent-encoded. */
    public static String segment(String id) {
        return id.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    public static String id(String segment) {
        return segment.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
