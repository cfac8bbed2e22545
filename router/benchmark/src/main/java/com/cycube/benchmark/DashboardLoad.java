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
 * the previous answer arrived. Three arms, interleaved (A B C, then C B A, ...), same token, same data:
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

    private final LocalStack stack;
    private final Duration duration;
    private final int rounds;
    private final int connections;

    DashboardLoad(LocalStack stack, Duration duration, int rounds, int connections) {
        this.stack = stack;
        this.duration = duration;
        this.rounds = rounds;
        this.connections = connections;
    }

    record Arm(String name, GraphQlClient endpoint, String query) {
    }

    private static final class Result {
        final Latencies latencies = new Latencies();
        final AtomicLong errors = new AtomicLong();
        String firstError;
        double seconds;
    }

    List<String> run() throws Exception {
        new Journey(stack, stack.token("trainee@acme.test")).enrollInEveryVisibleCourse();
        List<Arm> arms = List.of(
                new Arm("dashboard via router", GraphQlClient.forUrl(stack.routerUrl()), DASHBOARD),
                new Arm("training part via router", GraphQlClient.forUrl(stack.routerUrl()), TRAINING_PART),
                new Arm("training part direct", GraphQlClient.forUrl(stack.subgraphUrl("training")), TRAINING_PART));
        List<String> tokens = tokens();
        for (Arm arm : arms) { // warm-up: JIT, connection pools, router plan cache
            measure(arm, Duration.ofSeconds(Math.max(3, duration.toSeconds() / 2)), tokens);
        }
        Map<String, Result> totals = new java.util.LinkedHashMap<>();
        arms.forEach(arm -> totals.put(arm.name(), new Result()));
        for (int round = 0; round < rounds; round++) {
            tokens = tokens(); // tokens live 5 minutes
            List<Arm> order = new ArrayList<>(arms);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (Arm arm : order) {
                Result result = measure(arm, duration, tokens);
                Result total = totals.get(arm.name());
                total.latencies.addAll(result.latencies);
                total.errors.addAndGet(result.errors.get());
                total.seconds += result.seconds;
                if (total.firstError == null) {
                    total.firstError = result.firstError;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "-- trainee dashboard: %d connections, %d rounds x %d s per arm, interleaved",
                connections, rounds, duration.toSeconds()));
        Map<String, Double> rps = new java.util.LinkedHashMap<>();
        for (var entry : totals.entrySet()) {
            Result result = entry.getValue();
            double perSecond = result.latencies.count() / result.seconds;
            rps.put(entry.getKey(), perSecond);
            lines.add(String.format(Locale.ROOT, "%-26s %8.0f req/s  %s, errors %d%s", entry.getKey(), perSecond,
                    result.latencies.summary(), result.errors.get(),
                    result.firstError == null ? "" : " (first: " + result.firstError + ")"));
        }
        Result direct = totals.get("training part direct");
        Result viaRouter = totals.get("training part via router");
        Result dashboard = totals.get("dashboard via router");
        lines.add(String.format(Locale.ROOT,
                "ratios: same query via router / direct = %.2f x req/s, %.2f x p99; whole dashboard via router / "
                        + "training part direct = %.2f x req/s, %.2f x p99",
                rps.get("training part via router") / rps.get("training part direct"),
                viaRouter.latencies.percentileMillis(99) / direct.latencies.percentileMillis(99),
                rps.get("dashboard via router") / rps.get("training part direct"),
                dashboard.latencies.percentileMillis(99) / direct.latencies.percentileMillis(99)));
        return lines;
    }

    /** One token per worker: the same trainee signed in from {@code connections} browsers. */
    private List<String> tokens() {
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
