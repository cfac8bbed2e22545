package com.cycube.benchmark;

import com.cycube.support.contracts.identity.TeamChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.StudyTimeRecorded;
import com.cycube.support.events.DomainEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The history of {@code learners} generated learners of an existing organization, as identity, training and labs
 * would have told it over the last {@link #WEEKS} weeks: teams of {@link #TEAM_SIZE} (the first team's learners also
 * join a team of identity's demo data, so that its dashboard is reachable through the router), and
 * {@code enrollments} enrollments spread evenly over the learners, each with its facts:
 * <ul>
 *   <li>{@code Enrolled} — 60 % by an assignment (one per course and week, all learners of it enrolled at the same
 *       instant, due 2 to 6 weeks later: some overdue, some not yet due), 40 % self-enrolled;</li>
 *   <li>75 % begun: {@code CubeStarted} and {@code StudyTimeRecorded} (5 to 60 minutes);</li>
 *   <li>of those, 60 % completed within 3 weeks if that is already past: {@code CourseCompleted} with a score of 40 to
 *       100 (assessment issues a certificate from 70, as in the local stack);</li>
 *   <li>10 % of the begun launch a lab: launched, running, terminated after 20 minutes to 2 hours — or still running
 *       when it began less than 3 days ago.</li>
 * </ul>
 * Every enrollment's facts come from a random generator seeded with the learner's and the enrollment's number, so a
 * run is reproducible and enrollments can be generated on several threads, in any order. The figures the dashboards
 * must show for these facts are counted as they are generated ({@link Expected}).
 */
final class GeneratedOrganization {

    static final int WEEKS = 12;
    static final int TEAM_SIZE = 100;
    private static final int ASSIGNED_PERCENT = 60;
    private static final int BEGUN_PERCENT = 75;
    private static final int COMPLETED_PERCENT_OF_BEGUN = 60;
    private static final int LAB_PERCENT_OF_BEGUN = 10;
    /** assessment's {@code cycube.assessment.certificates.passing-score} in the local stack. */
    static final int PASSING_SCORE = 70;

    /** A course the organization's learners can enroll in. */
    record Course(String id, String title) {
    }

    /** What the generated facts add to a dashboard's figures. */
    static final class Expected {
        final LongAdder members = new LongAdder();
        final LongAdder enrollments = new LongAdder();
        final LongAdder completions = new LongAdder();
        final LongAdder scoreHundredths = new LongAdder();
        final LongAdder scored = new LongAdder();
        final LongAdder passed = new LongAdder();
        final LongAdder studySeconds = new LongAdder();
        final LongAdder labsRunning = new LongAdder();
        private final List<Instant> openDue = new ArrayList<>();

        synchronized void openDue(Instant due) {
            openDue.add(due);
        }

        /** Open enrollments whose due instant is before {@code now}. */
        synchronized long overdueAt(Instant now) {
            return openDue.stream().filter(due -> due.isBefore(now)).count();
        }
    }

    final String organizationId;
    /** The e-mail address of the organization's manager in the demo data (who reads its dashboards). */
    final String manager;
    final String demoTeamId;
    final int learners;
    final int enrollments;
    private final List<Course> courses;
    private final Instant now;
    private final long seed;
    /** Figures of the whole organization, and of the demo team (the learners of the first generated team). */
    final Expected organization = new Expected();
    final Expected demoTeam = new Expected();

    GeneratedOrganization(String organizationId, String manager, String demoTeamId, int learners, int enrollments,
                          List<Course> courses, Instant now, long seed) {
        if (learners < 1 || courses.isEmpty()) {
            throw new IllegalArgumentException("needs learners and courses: " + learners + ", " + courses);
        }
        this.organizationId = organizationId;
        this.manager = manager;
        this.demoTeamId = demoTeamId;
        this.learners = learners;
        this.enrollments = enrollments;
        this.courses = List.copyOf(courses);
        this.now = now;
        this.seed = seed;
    }

    int teams() {
        return (learners + TEAM_SIZE - 1) / TEAM_SIZE;
    }

    String userId(int learner) {
        return uuid("user:" + learner);
    }

    String teamId(int team) {
        return "bench-" + organizationId + "-team-" + team;
    }

    /** identity's facts about the generated teams. */
    List<DomainEvent> teamFacts() {
        List<DomainEvent> events = new ArrayList<>();
        for (int team = 0; team < teams(); team++) {
            events.add(DomainEvent.of(organizationId, created(), new TeamChanged(teamId(team),
                    "Bench team " + (team + 1), null, false, 1)));
        }
        return events;
    }

    /** identity's fact about {@code learner}: an active trainee of their team (the first team's also of the demo team). */
    DomainEvent memberFact(int learner) {
        int team = learner / TEAM_SIZE;
        List<String> teamIds = team == 0 ? List.of(teamId(team), demoTeamId) : List.of(teamId(team));
        count(learner, expected -> expected.members.increment());
        return DomainEvent.of(organizationId, created().plusSeconds(learner), new UserChanged(userId(learner),
                String.format("Bench Learner %05d", learner + 1), "TRAINEE", teamIds, true, 1L, "ACTIVE"));
    }

    /** When the generated teams and members were created: just before the history begins. */
    private Instant created() {
        return now.minus(Duration.ofDays(7L * WEEKS + 1));
    }

    /** How many enrollments {@code learner} has: the organization's enrollments spread evenly. */
    int enrollmentsOf(int learner) {
        return enrollments / learners + (learner < enrollments % learners ? 1 : 0);
    }

    /**
     * The facts of the {@code n}-th enrollment of {@code learner} (training's and labs'), counting what they add to
     * the figures.
     */
    List<DomainEvent> enrollmentFacts(int learner, int n) {
        SplittableRandom random = new SplittableRandom((seed * 1_000_003L + learner) * 1_009L + n);
        int courseIndex = (learner + n) % courses.size();
        return enrollment(random, learner, userId(learner), uuid("enrollment:" + learner + ":" + n), courseIndex,
                courses.get(courseIndex));
    }

    private List<DomainEvent> enrollment(SplittableRandom random, int learner, String userId, String enrollmentId,
                                         int courseIndex, Course course) {
        List<DomainEvent> events = new ArrayList<>();
        int week = random.nextInt(WEEKS);
        boolean assigned = random.nextInt(100) < ASSIGNED_PERCENT;
        Instant enrolledAt;
        Instant due = null;
        String assignmentId = null;
        if (assigned) { // one assignment per course and week, made on its Monday at 09:00, due 2 to 6 weeks later
            Instant assignedAt = weekStart(week).plus(Duration.ofHours(9));
            assignmentId = uuid("assignment:" + courseIndex + ":" + week);
            due = assignedAt.plus(Duration.ofDays(14 + 7L * ((courseIndex + week) % 5)));
            enrolledAt = assignedAt;
        } else {
            enrolledAt = weekStart(week).plusSeconds(random.nextLong(7 * 86_400L));
        }
        if (enrolledAt.isAfter(now)) {
            enrolledAt = now.minusSeconds(random.nextLong(3_600L) + 60);
        }
        events.add(DomainEvent.of(organizationId, enrolledAt, new Enrolled(enrollmentId, userId, course.id(),
                assigned ? "ASSIGNMENT" : "SELF", assignmentId, null, due, enrolledAt)));
        count(learner, expected -> expected.enrollments.increment());
        boolean completed = false;
        if (random.nextInt(100) < BEGUN_PERCENT) {
            Instant started = earlier(enrolledAt.plusSeconds(random.nextLong(3 * 86_400L)));
            String cube = course.id() + "-cube-1";
            events.add(DomainEvent.of(organizationId, started, new CubeStarted(enrollmentId, userId, course.id(), cube)));
            int seconds = 300 + random.nextInt(3_301);
            events.add(DomainEvent.of(organizationId, earlier(started.plusSeconds(seconds)),
                    new StudyTimeRecorded(enrollmentId, userId, course.id(), seconds)));
            count(learner, expected -> expected.studySeconds.add(seconds));
            Instant completedAt = started.plusSeconds(3_600 + random.nextLong(21 * 86_400L));
            if (random.nextInt(100) < COMPLETED_PERCENT_OF_BEGUN && completedAt.isBefore(now)) {
                completed = true;
                int score = 40 + random.nextInt(61);
                events.add(DomainEvent.of(organizationId, completedAt, new CourseCompleted(enrollmentId, userId,
                        course.id(), course.title(), (double) score, completedAt)));
                count(learner, expected -> {
                    expected.completions.increment();
                    expected.scored.increment();
                    expected.scoreHundredths.add(score * 100L);
                    if (score >= PASSING_SCORE) {
                        expected.passed.increment();
                    }
                });
            }
            if (random.nextInt(100) < LAB_PERCENT_OF_BEGUN) {
                events.addAll(lab(random, learner, userId, enrollmentId, cube, started.plusSeconds(600)));
            }
        }
        if (due != null && !completed) {
            Instant openDue = due;
            count(learner, expected -> expected.openDue(openDue));
        }
        return events;
    }

    private List<DomainEvent> lab(SplittableRandom random, int learner, String userId, String enrollmentId, String cube,
                                  Instant requested) {
        String labId = uuid("lab:" + enrollmentId);
        Instant launched = earlier(requested);
        Instant running = earlier(launched.plusSeconds(60));
        List<DomainEvent> events = new ArrayList<>(List.of(
                DomainEvent.of(organizationId, launched, new LabStateChanged(labId, userId, cube, "bench-template",
                        "REQUESTED", null)),
                DomainEvent.of(organizationId, running, new LabStateChanged(labId, userId, cube, "bench-template",
                        "RUNNING", "REQUESTED"))));
        if (launched.isAfter(now.minus(Duration.ofDays(3)))) {
            count(learner, expected -> expected.labsRunning.increment());
        } else {
            Instant stopped = running.plusSeconds(1_200 + random.nextLong(6_000L));
            events.add(DomainEvent.of(organizationId, stopped, new LabStateChanged(labId, userId, cube,
                    "bench-template", "TERMINATED", "RUNNING")));
        }
        return events;
    }

    /** Monday 00:00 UTC of week {@code week} of the history (0 = the oldest, {@link #WEEKS} - 1 = the current one). */
    private Instant weekStart(int week) {
        Instant current = now.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                .minus(Duration.ofDays(now.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue() - 1L));
        return current.minus(Duration.ofDays(7L * (WEEKS - 1 - week)));
    }

    /** {@code at}, or a little before now if it would be in the future. */
    private Instant earlier(Instant at) {
        return at.isBefore(now) ? at : now.minusSeconds(1);
    }

    private void count(int learner, java.util.function.Consumer<Expected> change) {
        change.accept(organization);
        if (learner < TEAM_SIZE) {
            change.accept(demoTeam);
        }
    }

    private String uuid(String name) {
        return UUID.nameUUIDFromBytes(("cycube-bench:" + organizationId + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
