package com.cycube.analytics.readmodel;

/** The names of the figures the entities contribute, shared by the writers and the readers. */
public final class Figure {

    /** Active members of an organization (not invited, not deactivated). */
    public static final String MEMBERS = "members";
    public static final String ENROLLMENTS = "enrollments";
    /** Enrollments with at least one cube started or completed (course funnel). */
    public static final String STARTED = "started";
    public static final String COMPLETIONS = "completions";
    /** Sum of the scores of completed enrollments with a score, in hundredths of a point (0–10000 each). */
    public static final String SCORE_SUM = "scoreSum";
    public static final String SCORE_COUNT = "scoreCount";
    public static final String TIME_SPENT = "timeSpentSeconds";
    /** Group: open (not completed) enrollments by due instant ({@link FieldKeys#instant}). */
    public static final String OPEN_DUE = "openDue";
    /** Group: learners by the UTC day of their last activity ({@link FieldKeys#day}). */
    public static final String LAST_ACTIVE = "lastActive";
    /** Group: per week ({@link FieldKeys#week}), the weekly figures below. */
    public static final String WEEKS = "weeks";
    public static final String ACTIVE_LEARNERS = "activeLearners";
    /** Weekly: enrollments whose due date falls in the week. */
    public static final String BECAME_DUE = "becameDue";
    /** Weekly: enrollments with a due date completed, counted in the week of the later of due date and completion. */
    public static final String RESOLVED_DUE = "resolvedDue";
    public static final String LABS_LAUNCHED = "labsLaunched";
    public static final String LABS_RUNNING = "labsRunning";
    /** Sum of the epoch seconds at which the running labs started running: with {@link #LABS_RUNNING}, hours so far. */
    public static final String RUNNING_SINCE_SUM = "runningSinceSum";
    /** Seconds labs ran, counted when they stopped running (weekly: in the week they stopped). */
    public static final String LAB_SECONDS = "labSeconds";
    public static final String CERTIFICATES = "certificates";
    /** Group: per cube of a course ({@link FieldKeys#segment}), {@link #STARTED} and {@link #COMPLETIONS}. */
    public static final String CUBES = "cubes";
    /** Question: learners who answered it, answered it correctly, their attempts and hints. */
    public static final String ANSWERED = "answered";
    public static final String CORRECT = "correct";
    public static final String ATTEMPTS = "attempts";
    public static final String HINTS = "hints";
    public static final String HINTED = "hinted";
    /** Group: learners who covered each skill ({@link FieldKeys#segment} of the skill id). */
    public static final String SKILLS = "skills";

    private Figure() {
    }

    /** A field inside a group: {@code weeks.2026-12-07.enrollments}. */
    public static String path(String... segments) {
        return String.join(".", segments);
    }
}
