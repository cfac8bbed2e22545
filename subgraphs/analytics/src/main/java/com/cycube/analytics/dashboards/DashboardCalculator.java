package com.cycube.analytics.dashboards;

import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Figure;
import com.cycube.analytics.readmodel.Figures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns summed figures into what a dashboard shows, at an instant: sliding windows from the day histogram,
 * overdue enrollments from the open due dates, lab hours including the running labs, and the weekly trend. The work
 * is proportional to the number of days, weeks and distinct due dates, never to the number of learners or facts.
 */
public final class DashboardCalculator {

    /** How many weeks a trend shows, the current one included. */
    public static final int TREND_WEEKS = 12;

    private DashboardCalculator() {
    }

    public static DashboardFigures figures(Figures f, int members, Integer labQuota, Instant now) {
        long enrollments = f.get(Figure.ENROLLMENTS);
        long completions = f.get(Figure.COMPLETIONS);
        return new DashboardFigures(members, activeWithin(f, now, 7), activeWithin(f, now, 30), (int) enrollments,
                (int) completions, enrollments == 0 ? null : (double) completions / enrollments,
                average(f.get(Figure.SCORE_SUM), f.get(Figure.SCORE_COUNT)), overdue(f, now),
                (int) f.get(Figure.LABS_RUNNING), labQuota, labHours(f, now), (int) f.get(Figure.CERTIFICATES),
                f.get(Figure.TIME_SPENT) / 3600.0);
    }

    /** Learners whose last activity fell on one of the last {@code days} UTC days, today included. */
    static int activeWithin(Figures f, Instant now, int days) {
        String first = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days - 1L).toString();
        Figures byDay = f.group(Figure.LAST_ACTIVE);
        long active = 0;
        for (String day : byDay.fields()) {
            if (day.compareTo(first) >= 0) {
                active += byDay.get(day);
            }
        }
        return (int) active;
    }

    /** Open enrollments whose due instant has passed. */
    static int overdue(Figures f, Instant now) {
        Figures byDue = f.group(Figure.OPEN_DUE);
        long overdue = 0;
        for (String due : byDue.fields()) {
            if (FieldKeys.parseInstant(due).isBefore(now)) {
                overdue += byDue.get(due);
            }
        }
        return (int) overdue;
    }

    /** Hours of stopped labs plus, for each running lab, the time since it began running. */
    public static double labHours(Figures f, Instant now) {
        long running = f.get(Figure.LABS_RUNNING) * now.getEpochSecond() - f.get(Figure.RUNNING_SINCE_SUM);
        return (f.get(Figure.LAB_SECONDS) + Math.max(0, running)) / 3600.0;
    }

    /** The last {@link #TREND_WEEKS} weeks, oldest first, the current one last. */
    public static List<WeeklyFigures> trend(Figures f, Instant now) {
        LocalDate current = FieldKeys.weekStart(now);
        LocalDate first = current.minusWeeks(TREND_WEEKS - 1L);
        Figures weeks = f.group(Figure.WEEKS);
        // overdue at the end of a week: due by then minus resolved by then, summed over every week up to it
        long dueBefore = 0;
        for (String week : weeks.fields()) {
            if (week.compareTo(first.toString()) < 0) {
                Figures w = weeks.group(week);
                dueBefore += w.get(Figure.BECAME_DUE) - w.get(Figure.RESOLVED_DUE);
            }
        }
        List<WeeklyFigures> trend = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(current); week = week.plusWeeks(1)) {
            Figures w = weeks.group(week.toString());
            dueBefore += w.get(Figure.BECAME_DUE) - w.get(Figure.RESOLVED_DUE);
            int overdueAtEnd = week.equals(current) ? overdue(f, now) : (int) dueBefore;
            trend.add(new WeeklyFigures(week.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    (int) w.get(Figure.ACTIVE_LEARNERS), (int) w.get(Figure.ENROLLMENTS), (int) w.get(Figure.COMPLETIONS),
                    average(w.get(Figure.SCORE_SUM), w.get(Figure.SCORE_COUNT)), overdueAtEnd,
                    (int) w.get(Figure.LABS_LAUNCHED), w.get(Figure.LAB_SECONDS) / 3600.0,
                    (int) w.get(Figure.CERTIFICATES)));
        }
        return trend;
    }

    /** An average of scores stored in hundredths; null without any. */
    public static Double average(long hundredthsSum, long count) {
        return count == 0 ? null : hundredthsSum / 100.0 / count;
    }
}
