package com.cycube.benchmark;

import com.cycube.benchmark.InterleavedLoad.Arm;
import com.cycube.benchmark.InterleavedLoad.Result;
import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import java.util.List;
import java.util.Map;

/**
 * The trainee dashboard under closed-loop load, arms interleaved ({@link InterleavedLoad}). The router's overhead has
 * three arms on one stack, same data:
 * <ul>
 *   <li>{@code dashboard via router}: the whole dashboard, identity + training + catalog joined by the router;</li>
 *   <li>{@code training part via router}: only the fields training owns, through the router;</li>
 *   <li>{@code training part direct}: the same query sent straight to the training subgraph.</li>
 * </ul>
 * Every worker has its own token (as every browser has) and its own {@code first} (10 + worker number), so no two
 * requests in flight are identical and the router's in-flight deduplication (on by default in Hive Router) cannot
 * answer several clients with one subgraph request.
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

    private final InterleavedLoad load;

    DashboardLoad(InterleavedLoad load) {
        this.load = load;
    }

    /** The router's cost: the dashboard via the router, its training part via the router and straight from training. */
    List<String> routerOverhead(LocalStack stack) throws Exception {
        new Journey(stack, stack.token("trainee@acme.test")).enrollInEveryVisibleCourse();
        Map<String, Result> totals = load.measure(List.of(
                arm("dashboard via router", stack, GraphQlClient.forUrl(stack.routerUrl()), DASHBOARD),
                arm("training part via router", stack, GraphQlClient.forUrl(stack.routerUrl()), TRAINING_PART),
                arm("training part direct", stack, GraphQlClient.forUrl(stack.subgraphUrl("training")), TRAINING_PART)));
        List<String> lines = load.report("trainee dashboard", totals);
        Result direct = totals.get("training part direct");
        lines.add("ratios: " + InterleavedLoad.ratio("same query via router / direct", totals.get("training part via router"),
                direct) + "; " + InterleavedLoad.ratio("whole dashboard via router / training part direct",
                totals.get("dashboard via router"), direct));
        return lines;
    }

    /** Where the dashboard's CPU goes ({@link DashboardProfile}): the whole dashboard alone under the profiler. */
    List<String> profile(LocalStack stack, java.time.Duration length) throws Exception {
        return new DashboardProfile(load, length).run(stack,
                arm("dashboard via router (profiled)", stack, GraphQlClient.forUrl(stack.routerUrl()), DASHBOARD));
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
        Map<String, Result> totals = load.measure(List.of(
                arm(off, untraced, GraphQlClient.forUrl(untraced.routerUrl()), DASHBOARD),
                arm(on, traced, GraphQlClient.forUrl(traced.routerUrl()), DASHBOARD)));
        List<String> lines = load.report("tracing overhead (two stacks side by side)", totals);
        lines.add("ratios: " + InterleavedLoad.ratio("traced / untraced", totals.get(on), totals.get(off)));
        return lines;
    }

    /**
     * An arm of the trainee: one token per worker (the same trainee signed in from {@code connections} browsers) and
     * {@code first} 10 + worker number.
     */
    private Arm arm(String name, LocalStack stack, GraphQlClient endpoint, String query) {
        return new Arm(name, endpoint, query, worker -> Map.of("first", 10 + worker),
                () -> BrowserTokens.of(stack, "trainee@acme.test", load.connections()));
    }
}
