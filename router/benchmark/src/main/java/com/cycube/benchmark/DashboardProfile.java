package com.cycube.benchmark;

import com.cycube.benchmark.InterleavedLoad.Arm;
import com.cycube.benchmark.InterleavedLoad.Result;
import com.cycube.devstack.LocalStack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./cycube bench --profile}: where the CPU of one dashboard request goes. After the measured rounds, the whole
 * dashboard arm runs alone for a while with async-profiler (CPU time, per thread) attached to every subgraph JVM;
 * meanwhile the CPU time of each process of the stack is read from {@code /proc}. Reports, per dashboard request:
 * the CPU milliseconds of the router, of each subgraph (its request threads, found by their Tomcat port) and of the
 * JVM's own threads, and what the subgraphs' request threads spent it on — the deepest frame of a sample that belongs
 * to a known area decides (token verification, the store, JSON, GraphQL execution, instrumentation, the web and
 * security filters, the application's own code). The collapsed stacks are kept for a flame graph.
 */
final class DashboardProfile {

    /** Leaf-most frame wins: the first area whose pattern a frame matches, scanning from the leaf to the root. */
    private static final List<Map.Entry<String, Pattern>> AREAS = List.of(
            Map.entry("token verification (JWT)", Pattern.compile("^(com/nimbusds|org/springframework/security/oauth2/(jwt|server/resource))")),
            Map.entry("MongoDB driver + BSON", Pattern.compile("^(com/mongodb|org/bson|org/springframework/data/mongodb)")),
            Map.entry("JSON (Jackson)", Pattern.compile("^(tools/jackson|com/fasterxml/jackson)")),
            Map.entry("tracing + metrics + audit instrumentation", Pattern.compile("^(io/micrometer|io/opentelemetry|com/cycube/support/(audit|metrics|observation)|org/springframework/graphql/observation)")),
            Map.entry("CyCube code", Pattern.compile("^com/cycube/")),
            Map.entry("GraphQL engine (graphql-java, DGS, federation)", Pattern.compile("^(graphql/|com/netflix/graphql|com/apollographql|org/springframework/graphql|org/dataloader)")),
            Map.entry("web server + security filters", Pattern.compile("^(org/apache/(catalina|coyote|tomcat)|org/springframework/(security|web)|jakarta/servlet)")),
            Map.entry("Spring + reflection", Pattern.compile("^(org/springframework|jdk/internal/reflect|java/lang/reflect|java/lang/invoke)")),
            Map.entry("logging", Pattern.compile("^(ch/qos/logback|org/slf4j)")));
    private static final Pattern TOMCAT_THREAD = Pattern.compile("^http-nio-(?:[0-9.]+-)?(\\d+)-");
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    /** How long the stack's idle CPU is measured before the load (while the profiler already samples). */
    private static final Duration REST = Duration.ofSeconds(5);

    private final InterleavedLoad load;
    private final Duration length;

    DashboardProfile(InterleavedLoad load, Duration length) {
        this.load = load;
        this.length = length;
    }

    List<String> run(LocalStack stack, Arm dashboard) throws Exception {
        Path agent = agentLibrary();
        Map<String, Long> processes = stack.processIds();
        Map<String, Long> jvms = new LinkedHashMap<>(processes);
        jvms.remove(LocalStack.ROUTER);
        jvms.remove(LocalStack.KEYCLOAK);
        Path output = Files.createTempDirectory("cycube-profile");
        for (var jvm : jvms.entrySet()) {
            jcmd(jvm.getValue(), agent + " start,event=ctimer,interval=1ms,threads");
        }
        Map<String, Long> restBefore = cpuTicks(processes);
        Thread.sleep(REST.toMillis());
        Map<String, Long> cpuBefore = cpuTicks(processes);
        Result result = load.measure(dashboard, length);
        Map<String, Long> cpuAfter = cpuTicks(processes);
        Map<String, Path> stacks = new LinkedHashMap<>();
        for (var jvm : jvms.entrySet()) {
            Path file = output.resolve(jvm.getKey() + ".collapsed");
            jcmd(jvm.getValue(), agent + " stop,file=" + file + ",collapsed");
            stacks.put(jvm.getKey(), file);
        }
        long requests = result.latencies.count();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "-- profile of the whole dashboard via the router: %d requests in %.0f s "
                + "(%.0f req/s) under async-profiler; collapsed stacks in %s", requests, result.seconds,
                result.perSecond(), output));
        lines.add("CPU per dashboard request, by process (from /proc; the embedded store runs in the benchmark's JVM), "
                + "and the same process at rest (no requests; CPU per second):");
        for (String component : processes.keySet()) {
            long ticks = cpuAfter.getOrDefault(component, 0L) - cpuBefore.getOrDefault(component, 0L);
            long resting = cpuBefore.getOrDefault(component, 0L) - restBefore.getOrDefault(component, 0L);
            lines.add(String.format(Locale.ROOT, "  %-14s %6.2f ms per request; at rest %5.0f ms per s", component,
                    ticks / TICKS_PER_SECOND * 1000 / requests, resting / TICKS_PER_SECOND * 1000 / REST.toSeconds()));
        }
        Map<Integer, String> subgraphByPort = new LinkedHashMap<>();
        stack.subgraphNames().forEach(name -> subgraphByPort.put(stack.subgraphPort(name), name));
        Map<String, Map<String, Long>> samples = new TreeMap<>();
        long total = 0;
        for (Path file : stacks.values()) {
            total += readSamples(file, subgraphByPort, samples);
        }
        lines.add("CPU samples (1 ms of CPU each) per dashboard request, by subgraph request threads and area:");
        for (var subgraph : samples.entrySet()) {
            long sum = subgraph.getValue().values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s %6.2f ms:", subgraph.getKey(),
                    (double) sum / requests));
            subgraph.getValue().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(area -> line.append(String.format(Locale.ROOT, " %s %.0f%%;", area.getKey(),
                            100.0 * area.getValue() / sum)));
            lines.add(line.toString());
        }
        lines.add(String.format(Locale.ROOT, "  (%d samples in all)", total));
        return lines;
    }

    /** Adds the samples of one collapsed-stacks file to {@code samples} (thread group → area → count). */
    private static long readSamples(Path file, Map<Integer, String> subgraphByPort,
                                    Map<String, Map<String, Long>> samples) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        long total = 0;
        for (String line : Files.readAllLines(file)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1).trim());
            String[] frames = line.substring(0, space).split(";");
            String thread = frames[0].startsWith("[") ? frames[0].substring(1, frames[0].length() - 1).replaceAll(" tid=\\d+$", "") : "";
            String group = group(thread, subgraphByPort);
            samples.computeIfAbsent(group, g -> new TreeMap<>()).merge(area(frames), count, Long::sum);
            total += count;
        }
        return total;
    }

    private static String group(String thread, Map<Integer, String> subgraphByPort) {
        Matcher tomcat = TOMCAT_THREAD.matcher(thread);
        if (tomcat.find()) {
            return subgraphByPort.getOrDefault(Integer.parseInt(tomcat.group(1)), "port " + tomcat.group(1))
                    + " (requests)";
        }
        if (thread.contains("Compiler") || thread.startsWith("GC") || thread.startsWith("VM ")) {
            return "JVM (JIT, GC)";
        }
        return "other threads";
    }

    private static String area(String[] frames) {
        for (int i = frames.length - 1; i > 0; i--) {
            String frame = frames[i].replace('.', '/');
            for (var area : AREAS) {
                if (area.getValue().matcher(frame).find()) {
                    return area.getKey();
                }
            }
        }
        return "JDK + other";
    }

    private static Map<String, Long> cpuTicks(Map<String, Long> processes) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((component, pid) -> {
            long sum = ticksOf(pid);
            for (long child : ProcessMemory.descendants(pid)) {
                sum += ticksOf(child);
            }
            ticks.put(component, sum);
        });
        return ticks;
    }

    /** utime + stime of {@code /proc/<pid>/stat} (fields 14 and 15; the command name may hold spaces). */
    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static void jcmd(long pid, String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "JVMTI.agent_load"));
        String[] libraryAndOptions = arguments.split(" ", 2);
        command.add(libraryAndOptions[0]);
        // the diagnostic command's own parser would split "a=b" options apart: the agent's options go quoted
        command.add("\"" + libraryAndOptions[1] + "\"");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0 || output.toLowerCase(Locale.ROOT).contains("error")
                || !output.contains("return code: 0")) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** async-profiler's Linux library, from its jar on this class path, written to a temporary file. */
    private static Path agentLibrary() throws IOException {
        String arch = System.getProperty("os.arch").contains("aarch64") ? "linux-arm64" : "linux-x64";
        try (InputStream in = DashboardProfile.class.getClassLoader().getResourceAsStream(arch + "/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("async-profiler's " + arch + " library is not on the class path");
            }
            Path library = Files.createTempFile("libasyncProfiler", ".so");
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            library.toFile().deleteOnExit();
            return library;
        }
    }
}
