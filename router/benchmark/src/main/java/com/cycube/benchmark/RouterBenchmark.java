package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
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
 *   <li>the trainee dashboard query through the router, the part of it one subgraph owns through the router, and
 *       that same part straight from the subgraph — closed-loop load, arms interleaved round by round so that warm-up
 *       and machine noise hit all of them alike; requests/s and p50/p99 per arm, and their ratios;</li>
 *   <li>lab subscription fan-out: N WebSocket subscribers (graphql-transport-ws, through the router) follow one lab;
 *       the lab is changed K times; for every change, the delay from sending the change to each subscriber receiving
 *       it (p50/p99/max, and how many deliveries were missing after 15 s).</li>
 * </ol>
 * Options: {@code --seconds=10 --rounds=3 --connections=32 --subscribers=500 --changes=20}; {@code --dashboard=0}
 * or {@code --fanout=0} skips a part.
 */
public final class RouterBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = Options.parse(args, Map.of("seconds", 10, "rounds", 3, "connections", 32,
                "subscribers", 500, "changes", 20, "dashboard", 1, "fanout", 1));
        Path root = Path.of(System.getProperty("cycube.repository.root", "."));
        // The fan-out holds every subscriber with one trainee's token, which the router multiplexes over one upstream
        // connection: lift the per-connection and per-user subscription caps (100 each, ADR 15) above the subscribers.
        String caps = String.valueOf(options.get("subscribers") + 10);
        try (LocalStack stack = LocalStack.builder().repositoryRoot(root).randomPorts().inMemoryStore()
                .subgraphSetting("CYCUBE_LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION", caps)
                .subgraphSetting("CYCUBE_LIVE_MAX_SUBSCRIPTIONS_PER_USER", caps)
                .build().start()) {
            List<String> report = new ArrayList<>();
            report.add(machine());
            if (options.get("dashboard") == 1) {
                report.addAll(new DashboardLoad(stack, Duration.ofSeconds(options.get("seconds")),
                        options.get("rounds"), options.get("connections")).run());
            }
            if (options.get("fanout") == 1) {
                report.addAll(new SubscriptionFanOut(stack, options.get("subscribers"), options.get("changes")).run());
            }
            System.out.println();
            System.out.println("==== CyCube router benchmark ====");
            report.forEach(System.out::println);
        }
    }

    private static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, Java %s, %s; stack: embedded store (in memory), "
                        + "Keycloak, subgraphs as `./cycube up` runs them (-Xmx256m, C1 only), Hive Router",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"));
    }
}
