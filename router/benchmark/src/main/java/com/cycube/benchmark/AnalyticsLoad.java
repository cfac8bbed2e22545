package com.cycube.benchmark;

import static org.awaitility.Awaitility.await;

import com.cycube.benchmark.EventFeed.Totals;
import com.cycube.benchmark.GeneratedOrganization.Course;
import com.cycube.benchmark.GeneratedOrganization.Expected;
import com.cycube.benchmark.InterleavedLoad.Arm;
import com.cycube.benchmark.InterleavedLoad.Result;
import com.cycube.devstack.LocalStack;
import com.cycube.devstack.LocalStackBuilder;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Idempotent;
import com.cycube.testclient.GraphQlClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * The analytics dashboards at two sizes, and the cost of keeping them current (issue 11: "a dashboard read costs the
 * same at 100 and 10,000 learners; p99 under 50 ms"), on a stack of its own ({@link #configure}):
 * <ol>
 *   <li><b>data</b>: {@code learners} learners with {@code enrollments} enrollments are added to org-acme (the big
 *       organization; its demo members stay) and 1 % of both to org-globex (the small one, same enrollments per
 *       learner) — {@link GeneratedOrganization}: teams of 100, assignments with due dates (some overdue), study time,
 *       completions with scores, labs, activity over the last 12 weeks. Analytics is fed only by domain events, so
 *       they are appended to the shared event log exactly as the producers' relays do ({@link EventFeed}); the other
 *       subgraphs' consumers take their share as they would (assessment issues the certificates of passing scores,
 *       whose events analytics then counts too). Identity's facts (teams, members) come first, then the enrollments
 *       round by round over the learners, both in waves, until all are fed or {@code feedBudget} is used up (the
 *       members may take 75 % of it; at least one wave of each) — so that a run ends in bounded time and what it fed
 *       is spread evenly over both organizations and their teams;</li>
 *   <li><b>cost per event</b>: per consumer group measured, events appended, seconds from each wave's first append
 *       until the group's backlog (what {@code cycube_events_backlog} reports) was empty, summed: events per second
 *       and milliseconds per event, with everything else of the stack running beside it on the same cores; when the
 *       budget stopped the feed, the time all members and enrollments would take at those rates;</li>
 *   <li><b>correctness</b>: each organization's and demo team's dashboard figures minus those read before the
 *       events were appended are compared with what the generated facts imply (members, enrollments, completions,
 *       average score, overdue now, labs running, study hours; certificates are shown beside the passing
 *       completions);</li>
 *   <li><b>reads</b>: four arms through the router, interleaved ({@link InterleavedLoad}) — the organization
 *       dashboard of the big and of the small organization, and the dashboard of a demo team of each
 *       (team-acme-soc1 and team-globex-red, which the first 100 generated learners of each organization join:
 *       identity owns {@code team(id)}, so only teams it knows are reachable through the router) — each as that
 *       organization's manager, one token per worker; p50/p99, the ratios big / small and the 50 ms goal.</li>
 * </ol>
 * Options (in {@link RouterBenchmark}): {@code --analytics=1} (0 skips the part), {@code --learners=10000},
 * {@code --enrollments=200000}, {@code --feed-seconds=360}, {@code --analytics-connections=8}; {@code --seconds} and
 * {@code --rounds} as for the other parts.
 */
final class AnalyticsLoad {

    static final String ORGANIZATION_DASHBOARD = """
            query OrganizationDashboard {
              organizationDashboard {
                organizationId organizationName asOf
                figures { %s }
                weeklyTrend { %s }
              }
            }""".formatted(Figures.FIELDS, Figures.WEEK_FIELDS);

    static final String TEAM_DASHBOARD = """
            query TeamDashboard($id: ID!) {
              team(id: $id) {
                id name
                dashboard {
                  teamId teamName teamsIncluded asOf
                  figures { %s }
                  weeklyTrend { %s }
                }
              }
            }""".formatted(Figures.FIELDS, Figures.WEEK_FIELDS);

    private static final String BIG = "org-acme";
    private static final String SMALL = "org-globex";
    private static final String BIG_MANAGER = "manager@acme.test";
    private static final String SMALL_MANAGER = "manager@globex.test";
    private static final String BIG_TEAM = "team-acme-soc1";
    private static final String SMALL_TEAM = "team-globex-red";
    private static final String DIRECTORY = "analytics.directory";
    private static final String READ_MODEL = "analytics.read-model";
    private static final List<String> GROUPS = List.of(DIRECTORY, READ_MODEL, "analytics.learning-records");
    /** How often the outbox relays run in this part's stack ({@link #configure}). */
    private static final Duration RELAY_INTERVAL = Duration.ofSeconds(5);
    /** Members per wave of the event feed (one event each). */
    private static final int WAVE_MEMBERS = 2_000;
    /** Enrollments per wave of the event feed (about 3 events each). */
    private static final int WAVE_ENROLLMENTS = 1_000;
    /** The share of the feed's budget the members may take (the enrollments have the rest). */
    private static final int DIRECTORY_SHARE_PERCENT = 75;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern BACKLOG = Pattern.compile(
            "^cycube_events_backlog\\{[^}]*group=\"([^\"]+)\"[^}]*}\\s+(\\S+)", Pattern.MULTILINE);

    private final InterleavedLoad load;
    private final int learners;
    private final int enrollments;
    private final Duration feedBudget;

    AnalyticsLoad(InterleavedLoad load, int learners, int enrollments, Duration feedBudget) {
        this.load = load;
        this.learners = learners;
        this.enrollments = enrollments;
        this.feedBudget = feedBudget;
    }

    /**
     * The stack this part needs, because the embedded store has no secondary indexes and never trims its oplog: every
     * change-stream follower off (the event log's consumers then poll it every second instead of being woken by each
     * append — the store serves each change-stream read by scanning the whole oplog, and every append woke every
     * consumer of every subgraph to scan the whole log: the stack did nothing else, ~50 appends/s), and the outbox
     * relays every 5 s instead of 200 ms (a relay pass scans every collection of its service for outbox entries,
     * which grow with the generated history). With a real MongoDB all three are index or oplog reads.
     */
    static LocalStackBuilder configure(LocalStackBuilder stack) {
        return stack.subgraphSetting("CYCUBE_CHANGE_STREAMS_ENABLED", "false")
                .subgraphSetting("CYCUBE_EVENTS_CHANGE_STREAM_ENABLED", "false")
                .subgraphSetting("CYCUBE_EVENTS_RELAY_INTERVAL", RELAY_INTERVAL.toSeconds() + "s");
    }

    List<String> run(LocalStack stack) throws Exception {
        Instant now = Instant.now();
        int smallLearners = Math.max(1, learners / 100);
        GeneratedOrganization big = new GeneratedOrganization(BIG, BIG_MANAGER, BIG_TEAM, learners, enrollments,
                courses(stack, BIG_MANAGER), now, 1);
        GeneratedOrganization small = new GeneratedOrganization(SMALL, SMALL_MANAGER, SMALL_TEAM, smallLearners,
                (int) ((long) enrollments * smallLearners / learners), courses(stack, SMALL_MANAGER), now, 2);
        List<GeneratedOrganization> organizations = List.of(big, small);
        Map<String, Figures> before = new LinkedHashMap<>();
        for (GeneratedOrganization organization : organizations) {
            before.put(organization.organizationId, organizationFigures(stack, organization));
            before.put(organization.demoTeamId, teamFigures(stack, organization));
        }
        List<String> lines = new ArrayList<>(feed(stack, organizations));
        lines.add(backlogReport(stack));
        Map<String, Figures> after = new LinkedHashMap<>();
        for (GeneratedOrganization organization : organizations) {
            after.put(organization.organizationId, organizationFigures(stack, organization));
            after.put(organization.demoTeamId, teamFigures(stack, organization));
            lines.add(check("figures of " + organization.organizationId, organization.organization,
                    before.get(organization.organizationId), after.get(organization.organizationId)));
            lines.add(check("figures of " + organization.demoTeamId, organization.demoTeam,
                    before.get(organization.demoTeamId), after.get(organization.demoTeamId)));
        }
        organizations.forEach(organization -> lines.add(aggregateSize(stack, organization.organizationId)));
        lines.addAll(reads(stack, big, small, after));
        return lines;
    }

    /**
     * What an organization dashboard reads, as stored: the organization aggregate's shards in analytics' database
     * (whole documents, with the ids of the deltas each remembers having applied).
     */
    private static String aggregateSize(LocalStack stack, String organizationId) {
        try (MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            long bytes = 0;
            long remembered = 0;
            int shards = 0;
            for (RawBsonDocument shard : client.getDatabase("cycube-analytics").getCollection("aggregates",
                    RawBsonDocument.class).find(new Document("kind", "ORGANIZATION").append("organizationId",
                    organizationId))) {
                shards++;
                bytes += shard.getByteBuffer().remaining();
                remembered += shard.containsKey(Idempotent.APPLIED) ? shard.getArray(Idempotent.APPLIED).size() : 0;
            }
            return String.format(Locale.ROOT, "organization aggregate of %s: %d shard documents, %,.0f KiB as stored, "
                    + "%,d applied-delta ids among them", organizationId, shards, bytes / 1024.0, remembered);
        }
    }

    /**
     * Identity's facts (the teams, then the members in waves), then the enrollments' facts in waves, until all are fed
     * or the budget is used up: the members may take {@value #DIRECTORY_SHARE_PERCENT} % of it, and at least one wave
     * of each is fed. Learners are fed in {@link #learnerOrder}, enrollments round by round over the learners fed.
     */
    private List<String> feed(LocalStack stack, List<GeneratedOrganization> organizations) throws Exception {
        String loadBefore = loadAverage();
        long started = System.nanoTime();
        try (EventFeed feed = new EventFeed(stack.mongoConnectionString())) {
            List<DomainEvent> teams = new ArrayList<>();
            organizations.forEach(organization -> teams.addAll(organization.teamFacts()));
            List<int[]> learners = learnerOrder(organizations);
            int members = 0;
            long directoryBudget = feedBudget.toNanos() * DIRECTORY_SHARE_PERCENT / 100;
            while (members < learners.size() && (members == 0 || System.nanoTime() - started < directoryBudget)) {
                List<int[]> wave = learners.subList(members, Math.min(learners.size(), members + WAVE_MEMBERS));
                List<DomainEvent> facts = new ArrayList<>(members == 0 ? teams : List.of());
                wave.forEach(learner -> facts.add(organizations.get(learner[0]).memberFact(learner[1])));
                feed.wave(DIRECTORY, facts.size(), index -> List.of(facts.get(index)));
                members += wave.size();
                progress(String.format(Locale.ROOT, "%,d of %,d members, %.0f s", members, learners.size(),
                        (System.nanoTime() - started) / 1e9));
            }
            List<int[]> enrollments = enrollmentOrder(organizations, learners.subList(0, members));
            int fed = 0;
            while (fed < enrollments.size() && (fed == 0 || System.nanoTime() - started < feedBudget.toNanos())) {
                List<int[]> wave = enrollments.subList(fed, Math.min(enrollments.size(), fed + WAVE_ENROLLMENTS));
                feed.wave(READ_MODEL, wave.size(), index -> organizations.get(wave.get(index)[0])
                        .enrollmentFacts(wave.get(index)[1], wave.get(index)[2]));
                fed += wave.size();
                progress(String.format(Locale.ROOT, "%,d of %,d enrollments, %.0f s", fed, enrollments.size(),
                        (System.nanoTime() - started) / 1e9));
            }
            boolean settled = feed.finish(RELAY_INTERVAL);
            List<String> lines = feedReport(feed, organizations, members, learners.size(), fed, settled,
                    (System.nanoTime() - started) / 1e9);
            lines.add("load average before and after the feed: " + loadBefore + "; " + loadAverage());
            return lines;
        }
    }

    /** The four dashboards through the router, interleaved, each read by its organization's manager. */
    private List<String> reads(LocalStack stack, GeneratedOrganization big, GeneratedOrganization small,
                               Map<String, Figures> figures) throws Exception {
        GraphQlClient router = GraphQlClient.forUrl(stack.routerUrl());
        String bigOrganization = String.format(Locale.ROOT, "organization of %,d", figures.get(BIG).members());
        String smallOrganization = String.format(Locale.ROOT, "organization of %,d", figures.get(SMALL).members());
        String bigTeam = String.format(Locale.ROOT, "team of %d (org of %,d)", figures.get(BIG_TEAM).members(),
                figures.get(BIG).members());
        String smallTeam = String.format(Locale.ROOT, "team of %d (org of %,d)", figures.get(SMALL_TEAM).members(),
                figures.get(SMALL).members());
        List<String> lines = new ArrayList<>();
        String loadBefore = loadAverage();
        Map<String, Result> totals = load.measure(List.of(
                arm(bigOrganization, stack, router, ORGANIZATION_DASHBOARD, big.manager, worker -> Map.of()),
                arm(smallOrganization, stack, router, ORGANIZATION_DASHBOARD, small.manager, worker -> Map.of()),
                arm(bigTeam, stack, router, TEAM_DASHBOARD, big.manager, worker -> Map.of("id", big.demoTeamId)),
                arm(smallTeam, stack, router, TEAM_DASHBOARD, small.manager, worker -> Map.of("id", small.demoTeamId))));
        lines.addAll(load.report("analytics dashboards via router (each organization's manager)", totals));
        lines.add("ratios: " + InterleavedLoad.ratio("organization big / small", totals.get(bigOrganization),
                totals.get(smallOrganization)) + "; " + InterleavedLoad.ratio("team in big / in small organization",
                totals.get(bigTeam), totals.get(smallTeam)));
        lines.add("load average before and after the reads: " + loadBefore + "; " + loadAverage() + " (the machine "
                + "is shared: other processes slow every arm alike, the ratios less than the absolute numbers)");
        double worst = totals.values().stream().mapToDouble(Result::p99).max().orElse(Double.NaN);
        lines.add(String.format(Locale.ROOT, "goal p99 < 50 ms: %s (highest p99 %.1f ms)",
                worst < 50 ? "met" : "NOT met", worst));
        return lines;
    }

    /**
     * Every learner to generate, as {organization, learner}: each organization's learners in a fixed shuffled order,
     * the organizations interleaved in proportion to their size — so that a feed stopped by its budget has spread
     * what it fed evenly over organizations and teams.
     */
    private static List<int[]> learnerOrder(List<GeneratedOrganization> organizations) {
        List<double[]> order = new ArrayList<>(); // {position, organization, learner}
        for (int o = 0; o < organizations.size(); o++) {
            List<Integer> learners = new ArrayList<>(IntStream.range(0, organizations.get(o).learners).boxed().toList());
            Collections.shuffle(learners, new Random(o));
            for (int k = 0; k < learners.size(); k++) {
                order.add(new double[] {(k + 0.5) / learners.size(), o, learners.get(k)});
            }
        }
        order.sort(Comparator.comparingDouble(unit -> unit[0]));
        return order.stream().map(unit -> new int[] {(int) unit[1], (int) unit[2]}).toList();
    }

    /**
     * The enrollments of {@code learners} (in {@link #learnerOrder}), as {organization, learner, n}: round by round,
     * every learner's first enrollment, then every learner's second, ...
     */
    private static List<int[]> enrollmentOrder(List<GeneratedOrganization> organizations, List<int[]> learners) {
        int rounds = organizations.stream().mapToInt(organization -> organization.enrollmentsOf(0)).max().orElse(0);
        List<int[]> order = new ArrayList<>();
        for (int n = 0; n < rounds; n++) {
            for (int[] learner : learners) {
                if (n < organizations.get(learner[0]).enrollmentsOf(learner[1])) {
                    order.add(new int[] {learner[0], learner[1], n});
                }
            }
        }
        return order;
    }

    private List<String> feedReport(EventFeed feed, List<GeneratedOrganization> organizations, int members,
                                    int learners, int fed, boolean settled, double seconds) {
        GeneratedOrganization big = organizations.get(0);
        GeneratedOrganization small = organizations.get(1);
        long asked = (long) big.enrollments + small.enrollments;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "-- analytics: generated %,d + %,d members (%,d of %,d asked) and %,d + "
                        + "%,d enrollments (%,d of %,d asked) for org-acme + org-globex, fed and applied in %.0f s "
                        + "(budget %d s)", big.organization.members.sum(), small.organization.members.sum(), members,
                learners, big.organization.enrollments.sum(), small.organization.enrollments.sum(), fed, asked,
                seconds, feedBudget.toSeconds()));
        lines.add(String.format(Locale.ROOT, "this part's stack: change streams off (consumers poll the log every "
                + "second), outbox relays every %d s, the log compacted after each wave - the embedded store has no "
                + "secondary indexes (see configure())", RELAY_INTERVAL.toSeconds()));
        lines.add(String.format(Locale.ROOT, "cost per event (appended from %d threads in waves of <= %,d enrollments, "
                        + "timed from a wave's first append until the group's backlog was empty):",
                EventFeed.APPENDERS, WAVE_ENROLLMENTS));
        feed.totals.forEach((group, totals) -> lines.add(String.format(Locale.ROOT,
                "%-22s %,9d events in %3d waves: appended in %6.1f s, applied after %6.1f s = %,6.0f events/s, "
                        + "%5.2f ms per event", group, totals.events.sum(), totals.waves, totals.appendSeconds,
                totals.appliedSeconds, totals.events.sum() / totals.appliedSeconds,
                totals.appliedSeconds * 1000 / Math.max(1, totals.events.sum()))));
        lines.add(String.format(Locale.ROOT, "events parked by any consumer: %,d; log settled at the end: %s; "
                + "waves not settled within 2 min: %d", feed.parked, settled ? "yes" : "NO", feed.unsettledWaves));
        feed.failing().forEach(failing -> lines.add("still failing (retried or parked): " + failing));
        if (members < learners || fed < asked) {
            Totals directory = feed.totals.get(DIRECTORY);
            Totals readModel = feed.totals.get(READ_MODEL);
            lines.add(String.format(Locale.ROOT, "at these rates all %,d members would take %s %.0f min, all %,d "
                            + "enrollments %s %.0f min", learners, DIRECTORY,
                    directory.appliedSeconds / members * learners / 60, asked, READ_MODEL,
                    readModel == null ? Double.NaN : readModel.appliedSeconds / Math.max(1, fed) * asked / 60));
        }
        return lines;
    }

    /** An arm of one manager: one token per worker, as if signed in from that many browsers. */
    private Arm arm(String name, LocalStack stack, GraphQlClient endpoint, String query, String manager,
                    IntFunction<Map<String, ?>> variables) {
        return new Arm(name, endpoint, query, variables, () -> BrowserTokens.of(stack, manager, load.connections()));
    }

    /** The published courses the organization's manager sees (the platform's and the organization's own). */
    private static List<Course> courses(LocalStack stack, String manager) {
        GraphQlClient.Response response = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(manager))
                .execute("{ courses(first: 50) { edges { node { id title } } } }").assertNoErrors();
        List<String> ids = response.get("data.courses.edges[*].node.id");
        List<String> titles = response.get("data.courses.edges[*].node.title");
        List<Course> courses = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            courses.add(new Course(ids.get(i), titles.get(i)));
        }
        return courses;
    }

    // ------------------------------------------------------------------------------------------ backlog metric

    /** analytics' own view of its backlog at the end: {@code cycube_events_backlog} per consumer group. */
    private static String backlogReport(LocalStack stack) {
        URI metrics = URI.create("http://127.0.0.1:" + stack.subgraphPort("analytics") + "/actuator/prometheus");
        return "analytics' cycube_events_backlog at the end: " + backlogs(metrics);
    }

    /** analytics' consumer groups and their backlogs, from its Prometheus endpoint. */
    private static Map<String, Long> backlogs(URI metrics) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(metrics).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Long> backlogs = new LinkedHashMap<>();
            Matcher matcher = BACKLOG.matcher(text);
            while (matcher.find()) {
                if (GROUPS.contains(matcher.group(1))) {
                    backlogs.put(matcher.group(1), (long) Double.parseDouble(matcher.group(2)));
                }
            }
            if (backlogs.keySet().size() != GROUPS.size()) {
                throw new IllegalStateException("analytics reports backlogs of " + backlogs.keySet() + ", not " + GROUPS);
            }
            return backlogs;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + metrics, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ correctness

    /** The figures of an organization dashboard as read through the router. */
    record Figures(long members, long enrollments, long completions, Double averageScore, long overdue,
                   long labsRunning, double studyHours, long certificates, Instant asOf) {

        static final String FIELDS = "members activeLearnersLast7Days activeLearnersLast30Days enrollments completions "
                + "completionRate averageScore overdueEnrollments labsRunning labQuota labHoursUsed certificates "
                + "studyHours";
        static final String WEEK_FIELDS = "weekStart activeLearners enrollments completions averageScore "
                + "overdueEnrollments labsLaunched labHours certificates";

        static Figures of(GraphQlClient.Response response, String root) {
            String f = root + ".figures.";
            Number average = response.get(f + "averageScore");
            return new Figures(number(response, f + "members"), number(response, f + "enrollments"),
                    number(response, f + "completions"), average == null ? null : average.doubleValue(),
                    number(response, f + "overdueEnrollments"), number(response, f + "labsRunning"),
                    response.<Number>get(f + "studyHours").doubleValue(), number(response, f + "certificates"),
                    Instant.parse(response.get(root + ".asOf")));
        }

        private static long number(GraphQlClient.Response response, String path) {
            return response.<Number>get(path).longValue();
        }
    }

    private static Figures organizationFigures(LocalStack stack, GeneratedOrganization organization) {
        return figures(stack, organization.manager, ORGANIZATION_DASHBOARD, Map.of(), "data.organizationDashboard");
    }

    private static Figures teamFigures(LocalStack stack, GeneratedOrganization organization) {
        return figures(stack, organization.manager, TEAM_DASHBOARD, Map.of("id", organization.demoTeamId),
                "data.team.dashboard");
    }

    /** A dashboard's figures; retried for a while, as analytics learns the demo data from identity's events. */
    private static Figures figures(LocalStack stack, String manager, String query, Map<String, ?> variables,
                                   String root) {
        GraphQlClient client = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token(manager));
        return await("the dashboard " + variables + " of " + manager).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Figures.of(client.execute(query, variables).assertNoErrors(), root), figures -> true);
    }

    /**
     * What the organization dashboard gained since {@code before}, against what the generated facts imply. The
     * average score is compared as the average of the old and the new completions together.
     */
    private static String check(String title, Expected expected, Figures before, Figures after) {
        List<String> wrong = new ArrayList<>();
        compare(wrong, "members", before.members() + expected.members.sum(), after.members());
        compare(wrong, "enrollments", before.enrollments() + expected.enrollments.sum(), after.enrollments());
        compare(wrong, "completions", before.completions() + expected.completions.sum(), after.completions());
        compare(wrong, "overdue", before.overdue() + expected.overdueAt(after.asOf()), after.overdue());
        compare(wrong, "labs running", before.labsRunning() + expected.labsRunning.sum(), after.labsRunning());
        double beforeScoreSum = before.averageScore() == null ? 0 : before.averageScore() * before.completions();
        double expectedAverage = (beforeScoreSum + expected.scoreHundredths.sum() / 100.0)
                / Math.max(1, before.completions() + expected.scored.sum());
        if (after.averageScore() == null || Math.abs(after.averageScore() - expectedAverage) > 0.01) {
            wrong.add(String.format(Locale.ROOT, "average score %s, expected %.2f", after.averageScore(), expectedAverage));
        }
        double expectedHours = before.studyHours() + expected.studySeconds.sum() / 3600.0;
        if (Math.abs(after.studyHours() - expectedHours) > 0.01) {
            wrong.add(String.format(Locale.ROOT, "study hours %.2f, expected %.2f", after.studyHours(), expectedHours));
        }
        return String.format(Locale.ROOT, "%s: %,d members, %,d enrollments, %,d completions "
                        + "(avg score %.1f), %,d overdue, %,d labs running, %,.0f study hours, %,d certificates "
                        + "(passing completions generated: %,d) - %s", title, after.members(),
                after.enrollments(), after.completions(), after.averageScore(), after.overdue(), after.labsRunning(),
                after.studyHours(), after.certificates() - before.certificates(), expected.passed.sum(),
                wrong.isEmpty() ? "as generated" : "WRONG: " + String.join("; ", wrong));
    }

    private static void compare(List<String> wrong, String figure, long expected, long actual) {
        if (expected != actual) {
            wrong.add(String.format(Locale.ROOT, "%s %,d, expected %,d", figure, actual, expected));
        }
    }

    /** The 1, 5 and 15 minute load averages of the machine (Linux), or "unknown". */
    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
