package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resident memory of each process of a stack, read from Linux's {@code /proc/<pid>/status}: {@code VmRSS} (now)
 * and {@code VmHWM} (the peak since the process started). Taken at rest, right after start, and again after the load,
 * these are the figures the Helm chart's memory requests and limits are based on. A process counts with the processes
 * it started. Elsewhere than Linux it reports that it cannot measure.
 */
final class ProcessMemory {

    record Sample(long residentKib, long peakKib) {
    }

    private ProcessMemory() {
    }

    static Map<String, Sample> of(LocalStack stack) {
        Map<String, Sample> samples = new LinkedHashMap<>();
        stack.processIds().forEach((component, pid) -> withDescendants(pid).ifPresent(sample -> samples.put(component, sample)));
        return samples;
    }

    /** A process and the processes it started (Keycloak's launcher script runs the JVM as its child), summed. */
    private static Optional<Sample> withDescendants(long pid) {
        Optional<Sample> own = read(pid);
        if (own.isEmpty()) {
            return own;
        }
        long resident = own.get().residentKib();
        long peak = own.get().peakKib();
        for (long child : descendants(pid)) {
            Optional<Sample> sample = read(child);
            if (sample.isPresent()) {
                resident += sample.get().residentKib();
                peak += sample.get().peakKib();
            }
        }
        return Optional.of(new Sample(resident, peak));
    }

    /** The processes {@code pid} started, and theirs (none when it is gone). */
    static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(handle -> handle.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    /** One line per component: resident at rest, resident after the load and the peak. */
    static List<String> report(Map<String, Sample> atRest, Map<String, Sample> afterLoad) {
        List<String> lines = new ArrayList<>();
        if (atRest.isEmpty()) {
            lines.add("-- memory: not measured (needs Linux /proc)");
            return lines;
        }
        lines.add("-- memory per process (RSS; the embedded store runs inside the benchmark's JVM, not listed)");
        long restTotal = 0;
        long loadTotal = 0;
        for (var entry : atRest.entrySet()) {
            Sample rest = entry.getValue();
            Sample load = afterLoad.getOrDefault(entry.getKey(), rest);
            restTotal += rest.residentKib();
            loadTotal += load.peakKib();
            lines.add(String.format(Locale.ROOT, "%-14s at rest %6.0f MiB, after load %6.0f MiB, peak %6.0f MiB",
                    entry.getKey(), rest.residentKib() / 1024.0, load.residentKib() / 1024.0, load.peakKib() / 1024.0));
        }
        lines.add(String.format(Locale.ROOT, "%-14s at rest %6.0f MiB, peaks summed %6.0f MiB", "all", restTotal / 1024.0,
                loadTotal / 1024.0));
        return lines;
    }

    private static Optional<Sample> read(long pid) {
        try {
            long resident = -1;
            long peak = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    resident = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line);
                }
            }
            return resident < 0 ? Optional.empty() : Optional.of(new Sample(resident, Math.max(peak, resident)));
        } catch (IOException | RuntimeException notLinuxOrGone) {
            return Optional.empty();
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
