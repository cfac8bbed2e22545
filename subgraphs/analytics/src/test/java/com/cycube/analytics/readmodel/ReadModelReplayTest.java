package com.cycube.analytics.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.answers.Answers;
import com.cycube.analytics.certificates.Certificates;
import com.cycube.analytics.dashboards.DashboardCalculator;
import com.cycube.analytics.dashboards.DashboardFigures;
import com.cycube.analytics.dashboards.WeeklyFigures;
import com.cycube.analytics.directory.DirectoryEventsHandler;
import com.cycube.analytics.directory.DirectoryStore;
import com.cycube.analytics.enrollments.Enrollments;
import com.cycube.analytics.facts.LearningFactsHandler;
import com.cycube.analytics.labs.Labs;
import com.cycube.analytics.learners.Activity;
import com.cycube.analytics.learners.Learners;
import com.cycube.analytics.skills.Skills;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.CertificateIssued;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.contracts.labs.LabStateChanged;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.contracts.training.CubeCompleted;
import com.cycube.support.contracts.training.CubeStarted;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.contracts.training.EnrollmentAssigned;
import com.cycube.support.contracts.training.ProgressChanged;
import com.cycube.support.contracts.training.StudyTimeRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventPayload;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;

/**
 * The read model's promise (ADR 19): every figure is exactly what the facts imply. A random history of two
 * organizations' learning — enrollments, assignments with due dates, cubes, study time, answers, labs, completions,
 * certificates — is delivered out of order, with duplicates, through a store that fails at random before or after
 * its writes land (the event then comes back, as an unacknowledged event does), and with analytics restarted in the
 * middle (new components over the same database, the sweep of pending deltas run). Every dashboard figure, every
 * week of the trend, every learner's, course's, cube's and question's figure is then compared with a recomputation
 * from the distinct facts, written independently below.
 */
class ReadModelReplayTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(75));
    private static final List<String> ORGS = List.of("org-acme", "org-globex");
    private static final Map<String, List<String>> COURSES = Map.of(
            "course-a", List.of("a-read", "a-quiz", "a-lab"),
            "course-b", List.of("b-read", "b-quiz"));

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void startStore() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterEach
    void stopStore() {
        client.close();
        server.shutdownNow();
    }

    /** A store whose writes fail at random, either before they land or after (the caller sees a failure either way). */
    static final class FlakyMongo extends MongoTemplate {
        private final Random random;
        volatile double failureRate;
        int failures;

        FlakyMongo(MongoClient client, Random random, double failureRate) {
            super(client, "analytics-replay");
            this.random = random;
            this.failureRate = failureRate;
        }

        private boolean failBefore() {
            boolean fail = random.nextDouble() < failureRate;
            if (fail && random.nextBoolean()) {
                failures++;
                throw new IllegalStateException("store unavailable (before the write)");
            }
            return fail;
        }

        private <T> T after(boolean fail, T result) {
            if (fail) {
                failures++;
                throw new IllegalStateException("connection lost (after the write)");
            }
            return result;
        }

        @Override
        public UpdateResult updateFirst(Query query, UpdateDefinition update, String collectionName) {
            boolean fail = failBefore();
            return after(fail, super.updateFirst(query, update, collectionName));
        }

        @Override
        public UpdateResult upsert(Query query, UpdateDefinition update, String collectionName) {
            boolean fail = failBefore();
            return after(fail, super.upsert(query, update, collectionName));
        }

        @Override
        public <T> T insert(T objectToSave, String collectionName) {
            boolean fail = failBefore();
            return after(fail, super.insert(objectToSave, collectionName));
        }
    }

    /** The analytics components of one process over a database. */
    private record Analytics(FlakyMongo mongo, EntityStore store, LearningFactsHandler facts,
                             DirectoryEventsHandler directory, AggregateStore aggregates, List<String> entityCollections) {

        static Analytics start(FlakyMongo mongo) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            EntityStore store = new EntityStore(mongo, clock);
            Enrollments enrollments = new Enrollments(store);
            Labs labs = new Labs(store);
            Answers answers = new Answers(store);
            Certificates certificates = new Certificates(store);
            Activity activity = new Activity(store);
            Learners learners = new Learners(store);
            Skills skills = new Skills(store, new DirectoryStore(mongo));
            return new Analytics(mongo, store,
                    new LearningFactsHandler(enrollments, labs, answers, certificates, activity, skills),
                    new DirectoryEventsHandler(learners, mongo), new AggregateStore(mongo),
                    List.of(enrollments.collection(), labs.collection(), answers.collection(), certificates.collection(),
                            activity.collection(), learners.collection(), skills.collection()));
        }

        void deliver(DomainEvent event) {
            if (event.is(UserChanged.class)) {
                directory.handle(event);
            } else {
                facts.handle(event);
            }
        }
    }

    @ParameterizedTest(name = "history {0}")
    @ValueSource(longs = {1, 2, 3})
    void every_figure_equals_the_recomputation_from_the_facts(long seed) {
        Random random = new Random(seed);
        List<DomainEvent> history = new History(random).generate();

        List<DomainEvent> deliveries = deliveries(history, random);
        Deque<DomainEvent> retries = new ArrayDeque<>();
        Analytics analytics = Analytics.start(new FlakyMongo(client, random, 0.03));
        int failed = 0;
        for (int i = 0; i < deliveries.size(); i++) {
            if (i == deliveries.size() / 2) { // the process stops; a new one starts over the same database
                failed += analytics.mongo().failures;
                analytics = Analytics.start(new FlakyMongo(client, random, 0.03));
                analytics.store().flushPending(analytics.entityCollections());
            }
            List<DomainEvent> now = new ArrayList<>();
            now.add(deliveries.get(i));
            if (!retries.isEmpty() && random.nextInt(4) == 0) {
                now.add(retries.poll()); // an event that failed comes back after its backoff
            }
            for (DomainEvent event : now) {
                try {
                    analytics.deliver(event);
                } catch (RuntimeException failedHere) {
                    retries.add(event);
                }
            }
        }
        analytics.mongo().failureRate = 0;
        while (!retries.isEmpty()) {
            analytics.deliver(retries.poll());
        }
        analytics.store().flushPending(analytics.entityCollections());
        failed += analytics.mongo().failures;
        assertThat(failed).as("the store failed during the replay").isGreaterThan(20);

        Oracle oracle = new Oracle(history);
        assertThat(ORGS.stream().mapToInt(org -> oracle.figures(org, fact -> true, 5).completions()).sum())
                .as("the history completes courses").isGreaterThan(3);
        AggregateStore aggregates = analytics.aggregates();
        for (String org : ORGS) {
            Figures figures = aggregates.read(AggregateKey.organization(org));
            assertThat(DashboardCalculator.figures(figures, (int) figures.get(Figure.MEMBERS), 5, NOW))
                    .as("%s dashboard", org).isEqualTo(oracle.figures(org, fact -> true, 5));
            assertThat(DashboardCalculator.trend(figures, NOW)).as("%s trend", org)
                    .isEqualTo(oracle.trend(org, fact -> true));
            for (String learner : oracle.learners(org)) {
                Figures mine = aggregates.read(AggregateKey.learner(org, learner));
                assertThat(DashboardCalculator.figures(mine, 0, null, NOW)).as("%s learner %s", org, learner)
                        .isEqualTo(oracle.figures(org, learner::equals, null));
                assertThat(DashboardCalculator.trend(mine, NOW)).as("%s learner %s trend", org, learner)
                        .isEqualTo(oracle.trend(org, learner::equals));
            }
            for (String course : COURSES.keySet()) {
                Figures courseFigures = aggregates.read(AggregateKey.course(org, course));
                assertThat(courseNumbers(courseFigures)).as("%s %s", org, course).isEqualTo(oracle.course(org, course));
            }
            for (String question : oracle.questions(org)) {
                Figures q = aggregates.read(new AggregateKey(AggregateKind.QUESTION, org, question));
                assertThat(q.numbers()).as("%s question %s", org, question).isEqualTo(oracle.question(org, question));
            }
        }
    }

    /** Out of order (neighbours swapped), and one event in ten delivered a second time, later. */
    private static List<DomainEvent> deliveries(List<DomainEvent> history, Random random) {
        List<DomainEvent> deliveries = new ArrayList<>(history);
        for (int i = 0; i + 1 < deliveries.size(); i++) {
            if (random.nextInt(5) == 0) {
                DomainEvent a = deliveries.get(i);
                deliveries.set(i, deliveries.get(i + 1));
                deliveries.set(i + 1, a);
            }
        }
        for (DomainEvent event : history) {
            if (random.nextInt(10) == 0) {
                deliveries.add(random.nextInt(deliveries.size() + 1), event);
            }
        }
        return deliveries;
    }

    private static Map<String, Long> courseNumbers(Figures figures) {
        Map<String, Long> numbers = new TreeMap<>(figures.numbers());
        Figures cubes = figures.group(Figure.CUBES);
        for (String cube : cubes.fields()) {
            cubes.group(cube).numbers().forEach((name, value) -> numbers.put(FieldKeys.id(cube) + "." + name, value));
        }
        numbers.values().removeIf(value -> value == 0);
        return numbers;
    }

    // ---------------------------------------------------------------------------------------------------- history

    /** A random but plausible history of learning, in time order. */
    private static final class History {
        private final Random random;
        private final List<DomainEvent> events = new ArrayList<>();
        private int ids;

        History(Random random) {
            this.random = random;
        }

        private Instant at(int minDay, int maxDay) {
            return T0.plusSeconds((long) (minDay + random.nextDouble() * (maxDay - minDay)) * 86_400L
                    + random.nextInt(86_400));
        }

        private <P extends Record & EventPayload> void add(String org, Instant at, P payload) {
            events.add(DomainEvent.of(org, at, payload));
        }

        List<DomainEvent> generate() {
            for (String org : ORGS) {
                for (int l = 0; l < 8; l++) {
                    String user = org + "-user-" + l;
                    add(org, T0.minusSeconds(3600), new UserChanged(user, "Learner " + l, "TRAINEE",
                            List.of("team-" + (l % 2)), l != 7, 1L, l != 7 ? "ACTIVE" : "INVITED"));
                    for (String course : COURSES.keySet()) {
                        if (random.nextInt(10) < 9) {
                            enrollment(org, user, course);
                        }
                    }
                    for (int lab = 0; lab < random.nextInt(3); lab++) {
                        lab(org, user);
                    }
                }
            }
            events.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
            return events;
        }

        private void enrollment(String org, String user, String course) {
            String enrollment = org + ":" + user + ":" + course;
            Instant enrolledAt = at(0, 60);
            boolean assigned = random.nextBoolean();
            Instant due = assigned ? enrolledAt.plus(Duration.ofDays(3 + random.nextInt(30))) : null;
            add(org, enrolledAt, new Enrolled(enrollment, user, course, assigned ? "ASSIGNMENT" : "SELF",
                    assigned ? "asg-" + (++ids) : null, null, due, enrolledAt));
            if (random.nextInt(4) == 0) {
                Instant later = enrolledAt.plus(Duration.ofHours(1 + random.nextInt(200)));
                Instant newDue = later.plus(Duration.ofDays(1 + random.nextInt(20)));
                Instant effective = due == null || newDue.isBefore(due) ? newDue : due;
                add(org, later, new EnrollmentAssigned(enrollment, user, course, "asg-" + (++ids), null, effective));
            }
            Instant t = enrolledAt;
            List<String> cubes = COURSES.get(course);
            int completedCubes = 0;
            for (String cube : cubes) {
                if (random.nextInt(10) < 9) {
                    t = t.plus(Duration.ofMinutes(10 + random.nextInt(3000)));
                    add(org, t, new CubeStarted(enrollment, user, course, cube));
                    if (cube.endsWith("quiz")) {
                        answers(org, user, cube, t);
                    }
                    if (random.nextInt(10) < 9) {
                        t = t.plus(Duration.ofMinutes(5 + random.nextInt(600)));
                        add(org, t, new CubeCompleted(enrollment, user, course, cube, "READING"));
                        completedCubes++;
                        add(org, t, new ProgressChanged(enrollment, user, course, 100 * completedCubes / cubes.size(),
                                completedCubes, cubes.size(), null, "ON_TRACK"));
                    }
                }
                if (random.nextInt(3) == 0) {
                    add(org, t.plusSeconds(60), new StudyTimeRecorded(enrollment, user, course, 60 + random.nextInt(3000)));
                }
            }
            if (completedCubes == cubes.size()) {
                Double score = random.nextInt(4) == 0 ? null : (double) (50 + random.nextInt(51));
                add(org, t, new CourseCompleted(enrollment, user, course, course, score, t));
                if (random.nextBoolean()) {
                    add(org, t.plusSeconds(5), new CertificateIssued("cert-" + (++ids), user, course, course,
                            t.plusSeconds(5)));
                }
            }
        }

        private void answers(String org, String user, String cube, Instant at) {
            for (int q = 0; q < 2; q++) {
                int attempts = 1 + random.nextInt(3);
                int hints = random.nextInt(3);
                boolean eventuallyCorrect = random.nextInt(4) != 0;
                for (int attempt = 1; attempt <= attempts; attempt++) {
                    boolean correct = eventuallyCorrect && attempt == attempts;
                    add(org, at.plusSeconds(attempt * 30L), new AnswerSubmitted(user, cube, cube + "-q" + q, correct,
                            correct ? 10 : 0, attempt, Math.min(hints, attempt)));
                }
            }
        }

        private void lab(String org, String user) {
            String lab = "lab-" + (++ids);
            Instant requested = at(0, 74);
            add(org, requested, new LabStateChanged(lab, user, "a-lab", "tmpl", "REQUESTED", null));
            add(org, requested.plusSeconds(20), new LabStateChanged(lab, user, "a-lab", "tmpl", "PROVISIONING", "REQUESTED"));
            if (random.nextInt(6) == 0) {
                add(org, requested.plusSeconds(40), new LabStateChanged(lab, user, "a-lab", "tmpl", "FAILED", "PROVISIONING"));
                return;
            }
            Instant running = requested.plusSeconds(60 + random.nextInt(120));
            add(org, running, new LabStateChanged(lab, user, "a-lab", "tmpl", "RUNNING", "PROVISIONING"));
            Instant stopped = running.plus(Duration.ofMinutes(10 + random.nextInt(600)));
            if (random.nextInt(4) != 0 && stopped.isBefore(NOW)) {
                add(org, stopped, new LabStateChanged(lab, user, "a-lab", "tmpl", "STOPPING", "RUNNING"));
                add(org, stopped.plusSeconds(30), new LabStateChanged(lab, user, "a-lab", "tmpl",
                        random.nextBoolean() ? "TERMINATED" : "EXPIRED", "STOPPING"));
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------- oracle

    /** The figures recomputed from the distinct facts, straightforwardly, without the read model. */
    private static final class Oracle {
        private final List<DomainEvent> facts;

        Oracle(List<DomainEvent> facts) {
            this.facts = facts;
        }

        private <P extends Record & EventPayload> List<Fact<P>> all(String org, Class<P> type) {
            return facts.stream().filter(e -> org.equals(e.orgId()) && e.is(type))
                    .map(e -> new Fact<>(e.occurredAt(), e.payloadAs(type))).toList();
        }

        record Fact<P>(Instant at, P payload) {
        }

        Set<String> learners(String org) {
            return all(org, UserChanged.class).stream().map(f -> f.payload().userId()).collect(Collectors.toSet());
        }

        Set<String> questions(String org) {
            return all(org, AnswerSubmitted.class).stream().map(f -> f.payload().questionId()).collect(Collectors.toSet());
        }

        /** Per enrollment: enrolled at, due (earliest), completed at and score. */
        private record Enrollment(String user, String course, Instant enrolledAt, Instant due, Instant completedAt,
                                  Double score) {
        }

        private List<Enrollment> enrollments(String org, Predicate<String> users) {
            Map<String, Instant> due = new HashMap<>();
            all(org, EnrollmentAssigned.class).forEach(f -> due.merge(f.payload().enrollmentId(), f.payload().dueAt(),
                    (a, b) -> a.isBefore(b) ? a : b));
            Map<String, CourseCompleted> completed = new HashMap<>();
            all(org, CourseCompleted.class).forEach(f -> completed.put(f.payload().enrollmentId(), f.payload()));
            List<Enrollment> result = new ArrayList<>();
            for (Fact<Enrolled> f : all(org, Enrolled.class)) {
                Enrolled e = f.payload();
                if (!users.test(e.userId())) {
                    continue;
                }
                Instant d = e.dueAt();
                Instant other = due.get(e.enrollmentId());
                Instant effective = d == null ? other : other == null ? d : d.isBefore(other) ? d : other;
                CourseCompleted c = completed.get(e.enrollmentId());
                result.add(new Enrollment(e.userId(), e.courseId(), e.enrolledAt(), effective,
                        c == null ? null : c.completedAt(), c == null ? null : c.score()));
            }
            return result;
        }

        /** Each learner's own actions. */
        private Map<String, List<Instant>> activity(String org, Predicate<String> users) {
            Map<String, List<Instant>> byUser = new HashMap<>();
            for (DomainEvent e : facts) {
                if (!org.equals(e.orgId())) {
                    continue;
                }
                String user = null;
                if (e.is(Enrolled.class) && "SELF".equals(e.payloadAs(Enrolled.class).source())) {
                    user = e.payloadAs(Enrolled.class).userId();
                } else if (e.is(CubeStarted.class)) {
                    user = e.payloadAs(CubeStarted.class).userId();
                } else if (e.is(CubeCompleted.class)) {
                    user = e.payloadAs(CubeCompleted.class).userId();
                } else if (e.is(StudyTimeRecorded.class)) {
                    user = e.payloadAs(StudyTimeRecorded.class).userId();
                } else if (e.is(AnswerSubmitted.class)) {
                    user = e.payloadAs(AnswerSubmitted.class).userId();
                } else if (e.is(LabStateChanged.class) && e.payloadAs(LabStateChanged.class).previousState() == null) {
                    user = e.payloadAs(LabStateChanged.class).userId();
                }
                if (user != null && users.test(user)) {
                    byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(e.occurredAt());
                }
            }
            return byUser;
        }

        /** Per lab: launched, running from, running until. */
        private record Lab(Instant launched, Instant from, Instant until) {
        }

        private List<Lab> labs(String org, Predicate<String> users) {
            Map<String, List<Fact<LabStateChanged>>> byLab = all(org, LabStateChanged.class).stream()
                    .filter(f -> users.test(f.payload().userId()))
                    .collect(Collectors.groupingBy(f -> f.payload().labId()));
            List<Lab> labs = new ArrayList<>();
            byLab.values().forEach(changes -> {
                Instant launched = changes.stream().map(Fact::at).min(Instant::compareTo).orElseThrow();
                Instant from = changes.stream().filter(f -> "RUNNING".equals(f.payload().state())).map(Fact::at)
                        .findFirst().orElse(null);
                Instant until = changes.stream().filter(f -> "RUNNING".equals(f.payload().previousState()))
                        .map(Fact::at).findFirst().orElse(null);
                labs.add(new Lab(launched, from, until));
            });
            return labs;
        }

        DashboardFigures figures(String org, Predicate<String> users, Integer quota) {
            List<Enrollment> enrollments = enrollments(org, users);
            long completions = enrollments.stream().filter(e -> e.completedAt() != null).count();
            List<Double> scores = enrollments.stream().filter(e -> e.completedAt() != null && e.score() != null)
                    .map(Enrollment::score).toList();
            int overdue = (int) enrollments.stream().filter(e -> e.due() != null && e.due().isBefore(NOW)
                    && e.completedAt() == null).count();
            LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
            Map<String, List<Instant>> activity = activity(org, users);
            int active7 = (int) activity.values().stream().filter(times -> !lastDay(times).isBefore(today.minusDays(6))).count();
            int active30 = (int) activity.values().stream().filter(times -> !lastDay(times).isBefore(today.minusDays(29))).count();
            List<Lab> labs = labs(org, users);
            int running = (int) labs.stream().filter(l -> l.from() != null && l.until() == null).count();
            long labSeconds = labs.stream().filter(l -> l.from() != null).mapToLong(l -> (l.until() != null
                    ? l.until().getEpochSecond() : NOW.getEpochSecond()) - l.from().getEpochSecond()).sum();
            int certificates = (int) all(org, CertificateIssued.class).stream().filter(f -> users.test(f.payload().userId())).count();
            long study = all(org, StudyTimeRecorded.class).stream().filter(f -> users.test(f.payload().userId()))
                    .mapToLong(f -> f.payload().seconds()).sum();
            int members = quota == null ? 0 : (int) all(org, UserChanged.class).stream().filter(f -> f.payload().active()).count();
            return new DashboardFigures(members, active7, active30, enrollments.size(), (int) completions,
                    enrollments.isEmpty() ? null : (double) completions / enrollments.size(), average(scores), overdue,
                    running, quota, labSeconds / 3600.0, certificates, study / 3600.0);
        }

        List<WeeklyFigures> trend(String org, Predicate<String> users) {
            List<Enrollment> enrollments = enrollments(org, users);
            Map<String, List<Instant>> activity = activity(org, users);
            List<Lab> labs = labs(org, users);
            List<WeeklyFigures> weeks = new ArrayList<>();
            LocalDate current = LocalDate.ofInstant(NOW, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (LocalDate week = current.minusWeeks(11); !week.isAfter(current); week = week.plusWeeks(1)) {
                Instant start = week.atStartOfDay(ZoneOffset.UTC).toInstant();
                Instant end = week.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                Predicate<Instant> in = t -> t != null && !t.isBefore(start) && t.isBefore(end);
                Instant overdueAt = week.equals(current) ? NOW : end;
                List<Double> scores = enrollments.stream().filter(e -> in.test(e.completedAt()) && e.score() != null)
                        .map(Enrollment::score).toList();
                weeks.add(new WeeklyFigures(start,
                        (int) activity.values().stream().filter(times -> times.stream().anyMatch(in)).count(),
                        (int) enrollments.stream().filter(e -> in.test(e.enrolledAt())).count(),
                        (int) enrollments.stream().filter(e -> in.test(e.completedAt())).count(),
                        average(scores),
                        (int) enrollments.stream().filter(e -> e.due() != null && e.due().isBefore(overdueAt)
                                && (e.completedAt() == null || !e.completedAt().isBefore(overdueAt))).count(),
                        (int) labs.stream().filter(l -> in.test(l.launched())).count(),
                        labs.stream().filter(l -> l.from() != null && in.test(l.until()))
                                .mapToLong(l -> l.until().getEpochSecond() - l.from().getEpochSecond()).sum() / 3600.0,
                        (int) all(org, CertificateIssued.class).stream().filter(f -> users.test(f.payload().userId())
                                && in.test(f.payload().issuedAt())).count()));
            }
            return weeks;
        }

        Map<String, Long> course(String org, String course) {
            Map<String, Long> numbers = new TreeMap<>();
            List<Enrollment> enrollments = enrollments(org, user -> true).stream()
                    .filter(e -> e.course().equals(course)).toList();
            Map<String, Set<String>> started = new HashMap<>();
            Map<String, Set<String>> completedCubes = new HashMap<>();
            all(org, CubeStarted.class).stream().filter(f -> f.payload().courseId().equals(course)).forEach(f ->
                    started.computeIfAbsent(f.payload().enrollmentId(), k -> new HashSet<>()).add(f.payload().cubeId()));
            all(org, CubeCompleted.class).stream().filter(f -> f.payload().courseId().equals(course)).forEach(f ->
                    completedCubes.computeIfAbsent(f.payload().enrollmentId(), k -> new HashSet<>()).add(f.payload().cubeId()));
            put(numbers, Figure.ENROLLMENTS, enrollments.size());
            put(numbers, Figure.STARTED, started.size());
            put(numbers, Figure.COMPLETIONS, enrollments.stream().filter(e -> e.completedAt() != null).count());
            List<Double> scores = enrollments.stream().filter(e -> e.completedAt() != null && e.score() != null)
                    .map(Enrollment::score).toList();
            put(numbers, Figure.SCORE_COUNT, scores.size());
            put(numbers, Figure.SCORE_SUM, scores.stream().mapToLong(s -> Math.round(s * 100)).sum());
            put(numbers, Figure.TIME_SPENT, all(org, StudyTimeRecorded.class).stream()
                    .filter(f -> f.payload().courseId().equals(course)).mapToLong(f -> f.payload().seconds()).sum());
            for (String cube : COURSES.get(course)) {
                put(numbers, cube + "." + Figure.STARTED, started.values().stream().filter(s -> s.contains(cube)).count());
                put(numbers, cube + "." + Figure.COMPLETIONS,
                        completedCubes.values().stream().filter(s -> s.contains(cube)).count());
            }
            return numbers;
        }

        Map<String, Long> question(String org, String question) {
            Map<String, List<AnswerSubmitted>> byUser = all(org, AnswerSubmitted.class).stream().map(Fact::payload)
                    .filter(a -> a.questionId().equals(question)).collect(Collectors.groupingBy(AnswerSubmitted::userId));
            Map<String, Long> numbers = new TreeMap<>();
            put(numbers, Figure.ANSWERED, byUser.size());
            put(numbers, Figure.CORRECT, byUser.values().stream().filter(as -> as.stream().anyMatch(AnswerSubmitted::correct)).count());
            put(numbers, Figure.ATTEMPTS, byUser.values().stream().mapToLong(as -> as.stream()
                    .mapToInt(AnswerSubmitted::attempt).max().orElse(0)).sum());
            long[] hints = byUser.values().stream().mapToLong(as -> as.stream().mapToInt(AnswerSubmitted::hintsTaken)
                    .max().orElse(0)).toArray();
            put(numbers, Figure.HINTS, java.util.Arrays.stream(hints).sum());
            put(numbers, Figure.HINTED, java.util.Arrays.stream(hints).filter(h -> h > 0).count());
            return numbers;
        }

        private static void put(Map<String, Long> numbers, String name, long value) {
            if (value != 0) {
                numbers.put(name, value);
            }
        }

        private static LocalDate lastDay(List<Instant> times) {
            return LocalDate.ofInstant(times.stream().max(Instant::compareTo).orElseThrow(), ZoneOffset.UTC);
        }

        private static Double average(List<Double> scores) {
            return scores.isEmpty() ? null
                    : scores.stream().mapToLong(s -> Math.round(s * 100)).sum() / 100.0 / scores.size();
        }
    }
}
