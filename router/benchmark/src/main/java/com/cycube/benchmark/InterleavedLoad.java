package com.cycube.benchmark;

import com.cycube.testclient.GraphQlClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Closed-loop load on several arms, interleaved: {@code connections} workers each send the next request as soon as
 * the previous answer arrived, for {@code duration} per arm and round; every arm is warmed up first, then measured
 * round by round with the order reversed every other round (A B C, C B A, ...), so that warm-up and machine noise hit
 * all arms alike. A response counts as an error unless it is HTTP 200 without {@code errors}. The trainee dashboard
 * ({@link DashboardLoad}) and the analytics dashboards ({@link AnalyticsLoad}) are measured with it.
 */
final class InterleavedLoad {

    private final Duration duration;
    private final int rounds;
    private final int connections;

    InterleavedLoad(Duration duration, int rounds, int connections) {
        this.duration = duration;
        this.rounds = rounds;
        this.connections = connections;
    }

    int connections() {
        return connections;
    }

    /**
     * One measured arm: {@code query} sent to {@code endpoint}; worker {@code w} sends the variables
     * {@code variables.apply(w)} with the {@code w}-th of {@code tokens} (asked for anew before every measurement:
     * access tokens live 5 minutes).
     */
    record Arm(String name, GraphQlClient endpoint, String query, IntFunction<Map<String, ?>> variables,
               Supplier<List<String>> tokens) {
    }

    static final class Result {
        final Latencies latencies = new Latencies();
        final AtomicLong errors = new AtomicLong();
        String firstError;
        double seconds;

        double perSecond() {
            return latencies.count() / seconds;
        }

        double p99() {
            return latencies.percentileMillis(99);
        }
    }

    /** Warms every arm up, then measures them round by round, the order reversed every other round; by arm name. */
    Map<String, Result> measure(List<Arm> arms) throws Exception {
        for (Arm arm : arms) { // warm-up: JIT, connection pools, router plan cache
            measure(arm, Duration.ofSeconds(Math.max(3, duration.toSeconds() / 2)));
        }
        Map<String, Result> totals = new LinkedHashMap<>();
        arms.forEach(arm -> totals.put(arm.name(), new Result()));
        for (int round = 0; round < rounds; round++) {
            List<Arm> order = new ArrayList<>(arms);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Arm arm : order) {
                Result result = measure(arm, duration);
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

    /** A title line and one line per arm: requests/s, p50/p99/max, errors. */
    List<String> report(String title, Map<String, Result> totals) {
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

    /** "{@code label} = x.xx x req/s, y.yy x p99": {@code a} relative to {@code b}. */
    static String ratio(String label, Result a, Result b) {
        return String.format(Locale.ROOT, "%s = %.2f x req/s, %.2f x p99", label, a.perSecond() / b.perSecond(),
                a.p99() / b.p99());
    }

    /** One arm alone for {@code length} (no warm-up): e.g. under a profiler. */
    Result measure(Arm arm, Duration length) throws Exception {
        List<String> tokens = arm.tokens().get();
        Result result = new Result();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < connections; worker++) {
                GraphQlClient browser = arm.endpoint().withToken(tokens.get(worker));
                Map<String, ?> variables = arm.variables().apply(worker);
                running.add(workers.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long t0 = System.nanoTime();
                        String problem = send(browser, arm.query(), variables);
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
    private static String send(GraphQlClient browser, String query, Map<String, ?> variables) {
        try {
            GraphQlClient.Response response = browser.execute(query, variables);
            if (response.status() != 200 || response.body().contains("\"errors\"")) {
                return "HTTP " + response.status() + " " + abbreviate(response.body());
            }
            return null;
        } catch (IllegalStateException failed) { // the request did not get an answer
            return Thread.currentThread().isInterrupted() ? "interrupted" : String.valueOf(failed.getCause());
        }
    }

    static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
