package com.cycube.benchmark;

import com.cycube.benchmark.InterleavedLoad.Arm;
import com.cycube.benchmark.InterleavedLoad.Result;
import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code queries} part: the main query of each of the newer subgraphs, exactly as the web console sends it (read
 * from {@code client-codegen/operations}, with the fragments it uses) — the organization dashboard (analytics, as the
 * manager), the notification list (notification, as the trainee) and an audit page (audit, as the manager) — through
 * the router and straight to the subgraph, arms interleaved ({@link InterleavedLoad}). Each of them is one fetch of one
 * subgraph in the router's plan (router/test/query-plans.json), so the ratio is the router's own cost.
 */
final class ConsoleQueriesLoad {

    private static final Pattern DEFINITION = Pattern.compile("(?m)^(query|mutation|subscription|fragment) (\\w+)");
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*(\\w+)");

    /** One query of the console: its operation, the subgraph that answers it alone, who asks, its variables. */
    private record ConsoleQuery(String operation, String subgraph, String email, Map<String, ?> variables) {
    }

    private static final List<ConsoleQuery> QUERIES = List.of(
            new ConsoleQuery("OrganizationDashboard", "analytics", "manager@acme.test", Map.of()),
            new ConsoleQuery("Notifications", "notification", "trainee@acme.test", Map.of("first", 20)),
            new ConsoleQuery("AuditEvents", "audit", "manager@acme.test", Map.of("first", 20)));

    private final InterleavedLoad load;

    ConsoleQueriesLoad(InterleavedLoad load) {
        this.load = load;
    }

    List<String> run(LocalStack stack) throws Exception {
        Map<String, String> documents = documents(stack.repositoryRoot().resolve("client-codegen/operations"));
        List<Arm> arms = new ArrayList<>();
        for (ConsoleQuery query : QUERIES) {
            String document = documents.get(query.operation());
            arms.add(arm(query.operation() + " via router", stack, GraphQlClient.forUrl(stack.routerUrl()), document, query));
            arms.add(arm(query.operation() + " direct", stack, GraphQlClient.forUrl(stack.subgraphUrl(query.subgraph())),
                    document, query));
        }
        Map<String, Result> totals = load.measure(arms);
        List<String> lines = load.report("the newer subgraphs' main queries, as the web console sends them", totals);
        StringBuilder ratios = new StringBuilder("ratios via router / direct: ");
        for (ConsoleQuery query : QUERIES) {
            ratios.append(InterleavedLoad.ratio(query.operation() + " (" + query.subgraph() + ")",
                    totals.get(query.operation() + " via router"), totals.get(query.operation() + " direct"))).append("; ");
        }
        lines.add(ratios.toString());
        return lines;
    }

    private Arm arm(String name, LocalStack stack, GraphQlClient endpoint, String document, ConsoleQuery query) {
        return new Arm(name, endpoint, document, worker -> query.variables(),
                () -> BrowserTokens.of(stack, query.email(), load.connections()));
    }

    /** Every operation of the folder as a document of its own: the operation and the fragments it uses. */
    static Map<String, String> documents(Path operations) throws IOException {
        Map<String, String> definitions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(operations)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".graphql")).sorted().toList()) {
                String text = Files.readString(file);
                // a definition runs from its first line to the next definition's (or the end of the file)
                Matcher start = DEFINITION.matcher(text);
                List<Integer> starts = new ArrayList<>();
                List<String> names = new ArrayList<>();
                while (start.find()) {
                    starts.add(start.start());
                    names.add((start.group(1).equals("fragment") ? "fragment " : "") + start.group(2));
                }
                for (int i = 0; i < starts.size(); i++) {
                    int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
                    definitions.put(names.get(i), text.substring(starts.get(i), end).trim());
                }
            }
        }
        Map<String, String> documents = new LinkedHashMap<>();
        definitions.forEach((name, text) -> {
            if (!name.startsWith("fragment ")) {
                Set<String> used = new LinkedHashSet<>();
                collectFragments(text, definitions, used);
                StringBuilder document = new StringBuilder(text);
                used.forEach(fragment -> document.append("\n").append(definitions.get("fragment " + fragment)));
                documents.put(name, document.toString());
            }
        });
        return documents;
    }

    private static void collectFragments(String text, Map<String, String> definitions, Set<String> used) {
        Matcher spread = SPREAD.matcher(text);
        while (spread.find()) {
            String fragment = spread.group(1);
            if (!fragment.equals("on") && definitions.containsKey("fragment " + fragment) && used.add(fragment)) {
                collectFragments(definitions.get("fragment " + fragment), definitions, used);
            }
        }
    }
}
