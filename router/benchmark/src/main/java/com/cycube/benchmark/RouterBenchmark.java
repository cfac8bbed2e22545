package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import com.cycube.devstack.LocalStackBuilder;
import com.cycube.testclient.OtlpReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./cycube bench}: starts the whole stack on random ports (embedded store with demo data, Keycloak, every
 * subgraph, Hive Router) and measures, in one run on this machine:
 * <ol>
 *   <li>start-up to ready and memory at ready of the whole stack, once with a JVM per subgraph and once with the
 *       local stack's one subgraph host ({@link StartUpComparison}, ADR 26);</li>
 *   <li>the trainee dashboard query through the router, the part of it one subgraph owns through the router, and
 *       that same part straight from the subgraph — closed-loop load, arms interleaved round by round so that warm-up
 *       and machine noise hit all of them alike; requests/s and p50/p99 per arm, and their ratios;</li>
 *   <li>the newer subgraphs' main queries as the web console sends them, through the router and direct
 *       ({@link ConsoleQueriesLoad}); with {@code --profile=1}, where the dashboard's CPU goes
 *       ({@link DashboardProfile});</li>
 *   <li>lab subscription fan-out: N WebSocket subscribers (graphql-transport-ws, through the router) follow one lab;
 *       the lab is changed K times; for every change, the delay from sending the change to each subscriber receiving
 *       it (p50/p99/max, and how many deliveries were missing after 15 s);</li>
 *   <li>the memory (RSS) of every process of the stack at rest and after that load;</li>
 *   <li>the overhead of tracing: a second stack that samples at the production rate and exports over OTLP, measured
 *       with the first (which records nothing) on the whole dashboard, arms interleaved;</li>
 *   <li>the analytics dashboards ({@link AnalyticsLoad}), on a stack of their own: generated learning histories of
 *       a big organization ({@code --learners}, {@code --enrollments}) and a small one (1 % of it) fed to analytics
 *       through the event log for at most {@code --feed-seconds}; the cost per event of applying them, the figures
 *       checked against the generated facts, and the organization and team dashboards of both organizations through
 *       the router, interleaved, with {@code --analytics-connections} workers;</li>
 *   <li>the notification fan-out ({@link NotificationFanOut}), on a stack of its own: one assignment announced to
 *       every member of a generated organization of {@code --members}, {@code --notification-subscribers} of them
 *       following {@code notificationReceived} through the router; time to the last notification written and to the
 *       last e-mail sent, the subscribers' delays, and another organization's delay during the burst;</li>
 *   <li>the audit trail ({@link AuditTrailLoad}), on a stack of its own: {@code --audit-ingest} generated
 *       {@code audit.Recorded} events through the event log (records stored per second), then a chain of
 *       {@code --audit-records} records of org-acme written straight into audit's database with the audit module's
 *       code, and through the router a filtered {@code auditEvents} page, a page by actor and {@code verifyAuditTrail}
 *       of one day ({@code --audit-connections} workers) and of the whole chain ({@code --audit-verifications}
 *       calls).</li>
 * </ol>
 * Options: {@code --seconds=10 --rounds=3 --connections=32 --subscribers=500 --changes=20 --learners=10000
 * --enrollments=200000 --feed-seconds=360 --analytics-connections=8 --members=10000 --notification-subscribers=500
 * --audit-ingest=20000 --audit-records=1000000 --audit-connections=2 --audit-verifications=3};
 * {@code --dashboard=0}, {@code --fanout=0}, {@code --tracing=0}, {@code --analytics=0}, {@code --notifications=0} or
 * {@code --audit=0}
 * skips a part; {@code --only=notifications} (or any comma-separated list of those parts) runs only the named ones.
 */
public final class RouterBenchmark {

    /** The sampling rate production runs at (router.config.prod.yaml, cycube-subgraph-defaults.yaml). */
    private static final String PRODUCTION_SAMPLING = "0.1";

    /** The parts of a run, each an option that is 1 (run it, the default) or 0 (skip it). */
    static final List<String> PARTS = List.of("dashboard", "fanout", "tracing", "analytics", "notifications",
            "audit", "profile", "startup", "queries");

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(Options.only(args, PARTS), Map.ofEntries(Map.entry("seconds", 10),
                Map.entry("rounds", 3), Map.entry("connections", 32), Map.entry("subscribers", 500),
                Map.entry("changes", 20), Map.entry("dashboard", 1), Map.entry("fanout", 1), Map.entry("tracing", 1),
                Map.entry("analytics", 1), Map.entry("learners", 10_000), Map.entry("enrollments", 200_000),
                Map.entry("analytics-connections", 8), Map.entry("feed-seconds", 360), Map.entry("notifications", 1),
                Map.entry("members", 10_000), Map.entry("notification-subscribers", 500), Map.entry("audit", 1),
                Map.entry("audit-ingest", 20_000), Map.entry("audit-records", 1_000_000),
                Map.entry("audit-connections", 2), Map.entry("audit-verifications", 3), Map.entry("profile", 0),
                Map.entry("startup", 1), Map.entry("separate-jvms", 0),
                Map.entry("queries", 1)));
        Path root = Path.of(System.getProperty("cycube.repository.root", "."));
        Duration seconds = Duration.ofSeconds(options.get("seconds"));
        DashboardLoad dashboard = new DashboardLoad(new InterleavedLoad(seconds, options.get("rounds"),
                options.get("connections")));
        // every part's lines are printed as soon as it is done (a later part that fails keeps the earlier figures)
        List<String> report = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                System.out.println("[bench] " + line);
                return super.add(line);
            }

            @Override
            public boolean addAll(java.util.Collection<? extends String> lines) {
                lines.forEach(this::add);
                return !lines.isEmpty();
            }
        };
        report.add(machine(options.get("separate-jvms") == 1));
        if (options.get("startup") == 1) {
            report.addAll(new StartUpComparison(() -> stack(root, options)).run());
        }
        if (options.get("dashboard") == 1 || options.get("fanout") == 1 || options.get("tracing") == 1
                || options.get("profile") == 1 || options.get("queries") == 1) {
            try (LocalStack stack = stack(root, options).build().start()) {
                Map<String, ProcessMemory.Sample> atRest = ProcessMemory.of(stack);
                if (options.get("dashboard") == 1) {
                    report.addAll(dashboard.routerOverhead(stack));
                }
                if (options.get("fanout") == 1) {
                    report.addAll(new SubscriptionFanOut(stack, options.get("subscribers"), options.get("changes")).run());
                }
                // after the fan-out: its ~20,000 audited requests grow the embedded store's never-trimmed oplog, which
                // every change-stream read scans — a fan-out after it missed its deliveries (issue 15's note)
                if (options.get("queries") == 1) {
                    report.addAll(new ConsoleQueriesLoad(new InterleavedLoad(seconds, options.get("rounds"),
                            options.get("connections"))).run(stack));
                }
                report.addAll(ProcessMemory.report(atRest, ProcessMemory.of(stack)));
                // last on this stack: the profiler stays loaded in the subgraph JVMs afterwards
                if (options.get("profile") == 1) {
                    if (options.get("dashboard") == 0) {
                        new Journey(stack, stack.token("trainee@acme.test")).enrollInEveryVisibleCourse();
                    }
                    report.addAll(dashboard.profile(stack, seconds.multipliedBy(2)));
                }
                if (options.get("tracing") == 1) {
                    report.addAll(tracingOverhead(root, options, dashboard, stack));
                }
            }
        }
        if (options.get("analytics") == 1) {
            // a stack of its own: the generated history stays out of the other parts' measurements
            try (LocalStack stack = AnalyticsLoad.configure(stack(root, options)).build().start()) {
                Map<String, ProcessMemory.Sample> atRest = ProcessMemory.of(stack);
                report.addAll(new AnalyticsLoad(new InterleavedLoad(seconds, options.get("rounds"),
                        options.get("analytics-connections")), options.get("learners"), options.get("enrollments"),
                        Duration.ofSeconds(options.get("feed-seconds"))).run(stack));
                report.addAll(ProcessMemory.report(atRest, ProcessMemory.of(stack)));
                Runtime jvm = Runtime.getRuntime();
                report.add(String.format(Locale.ROOT, "%-14s heap used %6.0f MiB (with the embedded store's data and "
                        + "oplog)", "benchmark JVM", (jvm.totalMemory() - jvm.freeMemory()) / 1048576.0));
            }
        }
        if (options.get("notifications") == 1) {
            // a stack of its own: only the notification subgraph (NotificationFanOut.configure says why)
            try (LocalStack stack = NotificationFanOut.configure(stack(root, options), root).build().start()) {
                Map<String, ProcessMemory.Sample> atRest = ProcessMemory.of(stack);
                report.addAll(new NotificationFanOut(options.get("members"), options.get("notification-subscribers"))
                        .run(stack));
                report.addAll(ProcessMemory.report(atRest, ProcessMemory.of(stack)));
            }
        }
        if (options.get("audit") == 1) {
            // a stack of its own: only the audit subgraph (AuditTrailLoad.configure says why)
            try (LocalStack stack = AuditTrailLoad.configure(stack(root, options), root).build().start()) {
                Map<String, ProcessMemory.Sample> atRest = ProcessMemory.of(stack);
                report.addAll(new AuditTrailLoad(seconds, options.get("rounds"), options.get("audit-connections"),
                        options.get("audit-ingest"), options.get("audit-records"), options.get("audit-verifications"))
                        .run(stack));
                report.addAll(ProcessMemory.report(atRest, ProcessMemory.of(stack)));
            }
        }
        System.out.println();
        System.out.println("==== CyCube router benchmark ====");
        report.forEach(System.out::println);
    }

    /**
     * The first stack records no spans at all (router sampling 0 is its default; the subgraphs' 10 % is set to 0); a
     * second stack, started next to it, samples at the production rate and exports every sampled span over OTLP to a
     * receiver in this JVM, as production exports to a collector.
     */
    private static List<String> tracingOverhead(Path root, Map<String, Integer> options, DashboardLoad dashboard,
                                                LocalStack untraced) throws Exception {
        try (OtlpReceiver collector = OtlpReceiver.start();
             LocalStack traced = stack(root, options)
                     .routerSetting("TELEMETRY_TRACING_SAMPLING_RATE", PRODUCTION_SAMPLING)
                     .routerSetting("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint())
                     .subgraphSetting("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", PRODUCTION_SAMPLING)
                     .subgraphSetting("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", collector.endpoint())
                     .build().start()) {
            List<String> lines = new ArrayList<>(dashboard.tracingOverhead(untraced, traced,
                    "tracing " + PRODUCTION_SAMPLING + " + OTLP export"));
            lines.add(String.format(Locale.ROOT, "spans exported by the traced stack: %d", collector.spans().size()));
            return lines;
        }
    }

    private static LocalStackBuilder stack(Path root, Map<String, Integer> options) {
        // The fan-out holds every subscriber with one trainee's token, which the router multiplexes over one upstream
        // connection: lift the per-connection and per-user subscription caps (100 each, ADR 15) above the subscribers.
        String caps = String.valueOf(options.get("subscribers") + 10);
        LocalStackBuilder builder = LocalStack.builder();
        if (options.get("separate-jvms") == 1) {
            builder.subgraphsInSeparateJvms(); // as production runs them: the figures the Helm chart's sizing needs
        }
        return builder.repositoryRoot(root).randomPorts().inMemoryStore()
                .subgraphSetting("CYCUBE_LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION", caps)
                .subgraphSetting("CYCUBE_LIVE_MAX_SUBSCRIPTIONS_PER_USER", caps)
                .subgraphSetting("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0");
    }

    private static String machine(boolean separateJvms) {
        return String.format(Locale.ROOT, "machine: %d cores, Java %s, %s; stack: embedded store (in memory), "
                        + "Keycloak, subgraphs as `./cycube up` runs them (%s), Hive Router",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), separateJvms ? "a JVM each: -Xmx256m, C1 only, as with --separate-jvms=1"
                        : "all in one subgraph host JVM, C1 only, class-data shared (ADR 26)");
    }
}
