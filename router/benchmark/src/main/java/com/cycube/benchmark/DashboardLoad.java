package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trainee dashboard under closed-loop load: {@code connections} workers each send the next request as soon as
 * the previous answer arrived, arms interleaved (A B C, then C B A, ...). The router's overhead has three arms on one
 * stack, same data:
 * <ul>
 *   <li>{@code dashboard via router}: the whole dashboard, identity + training + catalog joined by the router;</li>
 *   <li>{@code training part via router}: only the fields training owns, through the router;</li>
 *   <li>{@code training part direct}: the same query sent straight to the training subgraph.</li>
 * </ul>
 * Every worker has its own token (as every browser has) and its own {@code first} (10 + worker number), so no two
 * requests in flight are identical and the router's in-flight deduplication (on by default in Hive Router) cannot
 * answer several clients with one subgraph request. A response counts as an error unless it is HTTP 200 without
 * {@code errors}.
 */
final class DashboardLoad {

    static final String DASHBOARD = """
            query Dashboard($first: Int!) {
              me {
                id displayName
                organization { id name }
                teams { id name }
                enrollments(first: $first) {
                  totalCount
                  edges { node { id source dueAt
                    progress { percent completedCubes totalCubes score status lastActivityAt }
                    course { id title level estimatedMinutes } } }
                }
              }
            }""";

    static final String TRAINING_PART = """
            query TrainingPart($first: Int!) {
              myEnrollments(first: $first) {
                totalCount
                edges { node { id source dueAt
                  progress { percent completedCubes totalCubes score status lastActivityAt } } }
              }
            }""";

    private final Duration duration;
    private final int rounds;
    private final int connections;

    DashboardLoad(Duration duration, int rounds, int connections) {
        this.duration = duration;
        this.rounds = rounds;
        this.connections = connections;
    }

    /** One measured arm: a query sent to one endpoint of one stack, with that stack's tokens. */
    record Arm(String name, LocalStack stack, GraphQlClient endpoint, String query) {
    }

    static final class Result {
        final Latencies latencies = new Latencies();
        final AtomicLong errors = new AtomicLong();
        String firstError;
        double seconds;

        double perSecond() {
            return latencies.count() / seconds;
        }
    }

    /** The router's cost: the dashboard via the router, its training part via the router and straight from training. */
    List<String> routerOverhead(LocalStack stack) throws Exception {
        new Journey(stack, stack.token("trainee@acme.test")).enrollInEveryVisibleCourse();
        Map<String, Result> totals = measureInterleaved(List.of(
                new Arm("dashboard via router", stack, GraphQlClient.forUrl(stack.routerUrl()), DASHBOARD),
                new Arm("training part via router", stack, GraphQlClient.forUrl(stack.routerUrl()), TRAINING_PART),
                new Arm("training part direct", stack, GraphQlClient.forUrl(stack.subgraphUrl("training")), TRAINING_PART)));
        List<String> lines = report("trainee dashboard", totals);
        Result direct = totals.get("training part direct");
        Result viaRouter = totals.get("training part via router");
        Result dashboard = totals.get("dashboard via router");
        lines.add(String.format(Locale.ROOT,
                "ratios: same query via router / direct = %.2f x req/s, %.2f x p99; whole dashboard via router / "
                        + "training part direct = %.2f x req/s, %.2f x p99",
                viaRouter.perSecond() / direct.perSecond(),
                viaRouter.latencies.percentileMillis(99) / direct.latencies.percentileMillis(99),
                dashboard.perSecond() / direct.perSecond(),
                dashboard.latencies.percentileMillis(99) / direct.latencies.percentileMillis(99)));
        return lines;
    }

    /**
     * The cost of tracing: the whole dashboard via the router of two stacks that differ only in tracing — one records
     * nothing (router sampling 0, subgraphs 0), the other samples and exports at the production rate.
     */
    List<String> tracingOverhead(LocalStack untraced, LocalStack traced, String tracedLabel) throws Exception {
        new Journey(untraced, untraced.token("trainee@acme.test")).enrollInEveryVisibleCourse();
        new Journey(traced, traced.token("trainee@acme.test")).enrollInEveryVisibleCourse();
        String off = "dashboard, tracing off";
        String on = "dashboard, " + tracedLabel;
        Map<String, Result> totals = measureInterleaved(List.of(
                new Arm(off, untraced, GraphQlClient.forUrl(untraced.routerUrl()), DASHBOARD),
                new Arm(on, traced, GraphQlClient.forUrl(traced.routerUrl()), DASHBOARD)));
        List<String> lines = report("tracing overhead (two stacks side by side)", totals);
        lines.add(String.format(Locale.ROOT, "ratios: traced / untraced = %.2f x req/s, %.2f x p99",
                totals.get(on).perSecond() / totals.get(off).perSecond(),
                totals.get(on).latencies.percentileMillis(99) / totals.get(off).latencies.percentileMillis(99)));
        return lines;
    }

    /** Warms every arm up, then measures them round by round, the order reversed every other round. */
    private Map<String, Result> measureInterleaved(List<Arm> arms) throws Exception {
        for (Arm arm : arms) { // warm-up: JIT, connection pools, router plan cache
            measure(arm, Duration.ofSeconds(Math.max(3, duration.toSeconds() / 2)), tokens(arm.stack()));
        }
        Map<String, Result> totals = new java.util.LinkedHashMap<>();
        arms.forEach(arm -> totals.put(arm.name(), new Result()));
        for (int round = 0; round < rounds; round++) {
            List<Arm> order = new ArrayList<>(arms);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Arm arm : order) {
                Result result = measure(arm, duration, tokens(arm.stack())); // tokens live 5 minutes
                Result total = totals.get(arm.name());
                total.latencies.addAll(result.latencies);
                total.errors.addAndGet(result.errors.get());
                total.seconds += result.seconds;
                if (total.firstError == null) {
                    total.firstError = result.firstError;
                }
            }
        }
        return totals;
    }

    private List<String> report(String title, Map<String, Result> totals) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "-- %s: %d connections, %d rounds x %d s per arm, interleaved",
                title, connections, rounds, duration.toSeconds()));
        for (var entry : totals.entrySet()) {
            Result result = entry.getValue();
            lines.add(String.format(Locale.ROOT, "%-30s %8.0f req/s  %s, errors %d%s", entry.getKey(),
                    result.perSecond(), result.latencies.summary(), result.errors.get(),
                    result.firstError == null ? "" : " (first: " + result.firstError + ")"));
        }
        return lines;
    }

    /** One token per worker: the same trainee signed in from {@code connections} browsers. */
    private List<String> tokens(LocalStack stack) {
        return BrowserTokens.of(stack, "trainee@acme.test", connections);
    }

    private Result measure(Arm arm, Duration length, List<String> tokens) throws Exception {
        Result result = new Result();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < connections; worker++) {
                GraphQlClient browser = arm.endpoint().withToken(tokens.get(worker));
                int first = 10 + worker;
                running.add(workers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        String problem = send(browser, arm.query(), first);
                        if (problem == null) {
                            result.latencies.add(System.nanoTime() - t0);
                        } else {
                            result.errors.incrementAndGet();
                            synchronized (result) {
                                if (result.firstError == null) {
                                    result.firstError = problem;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            workers.shutdownNow();
        }
        result.seconds = (System.nanoTime() - started) / 1e9;
        return result;
    }

    /** Sends one request; null when it succeeded, else what went wrong. */
    private static String send(GraphQlClient browser, String query, int first) {
        try {
            GraphQlClient.Response response = browser.execute(query, Map.of("first", first));
            if (response.status() != 200 || response.body().contains("\"errors\"")) {
                return "HTTP " + response.status() + " " + abbreviate(response.body());
            }
            return null;
        } catch (IllegalStateException failed) { // the request did not get an answer
            return Thread.currentThread().isInterrupted() ? "interrupted" : String.valueOf(failed.getCause());
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
