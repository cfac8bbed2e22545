package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import com.cycube.devstack.LocalStackBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code startup} part: the whole stack started twice, one after the other on the same machine — once with every
 * subgraph in a JVM of its own (as production runs them, and as the local stack did before ADR 26), once with all of
 * them in the local stack's one subgraph host — and for each the time from start to ready (every subgraph ready,
 * router and Keycloak ready) and the resident memory of every process at ready. The embedded store and the launcher run
 * in this benchmark's JVM and are not counted here (the same for both).
 */
final class StartUpComparison {

    private final Supplier<LocalStackBuilder> stack;

    StartUpComparison(Supplier<LocalStackBuilder> stack) {
        this.stack = stack;
    }

    List<String> run() {
        List<String> lines = new ArrayList<>();
        lines.add("-- start-up to ready and memory at ready, the two ways of running the subgraphs, one after the other");
        lines.add(measure("a JVM per subgraph", stack.get().subgraphsInSeparateJvms()));
        lines.add(measure("one subgraph host JVM", stack.get()));
        return lines;
    }

    private static String measure(String label, LocalStackBuilder builder) {
        long started = System.nanoTime();
        try (LocalStack running = builder.quiet().build().start()) {
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, ProcessMemory.Sample> memory = ProcessMemory.of(running);
            long total = memory.values().stream().mapToLong(ProcessMemory.Sample::residentKib).sum();
            StringBuilder parts = new StringBuilder();
            long subgraphs = 0;
            for (var entry : memory.entrySet()) {
                if (entry.getKey().equals(LocalStack.KEYCLOAK) || entry.getKey().equals(LocalStack.ROUTER)) {
                    parts.append(String.format(Locale.ROOT, ", %s %.0f", entry.getKey(), entry.getValue().residentKib() / 1024.0));
                } else {
                    subgraphs += entry.getValue().residentKib();
                }
            }
            return String.format(Locale.ROOT, "%-24s ready in %5.1f s; RSS at ready %5.0f MiB (subgraphs %.0f%s)", label,
                    seconds, total / 1024.0, subgraphs / 1024.0, parts);
        }
    }
}
