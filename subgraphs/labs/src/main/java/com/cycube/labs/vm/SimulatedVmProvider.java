package com.cycube.labs.vm;

import com.cycube.labs.templates.LabTemplateDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cloud on the laptop: VMs are "pending" for {@code pendingTime} after launch, then "running" with a private
 * address; "shutting-down" for {@code stoppingTime} after terminate, then gone. Timings follow the injected
 * {@link Clock}, so tests move time instead of sleeping.
 *
 * <p>The instance id encodes the launch time, so a VM launched before a restart of this service is still
 * described correctly afterwards (the driver works from persisted state only). A template whose image is
 * {@code failingImage} never comes up (its VM terminates while pending), to try the FAILED path locally.
 */
public class SimulatedVmProvider implements VmProvider {

    private final Clock clock;
    private final Duration pendingTime;
    private final Duration stoppingTime;
    private final String failingImage;
    private final Map<String, String> instanceByToken = new ConcurrentHashMap<>();
    private final Map<String, Instant> terminatedAt = new ConcurrentHashMap<>();

    public SimulatedVmProvider(Clock clock, Duration pendingTime, Duration stoppingTime, String failingImage) {
        this.clock = clock;
        this.pendingTime = pendingTime;
        this.stoppingTime = stoppingTime;
        this.failingImage = failingImage == null ? "" : failingImage;
    }

    @Override
    public String launch(String clientToken, LabTemplateDocument template, Map<String, String> tags) {
        String kind = template.image().equals(failingImage) ? "f" : "ok";
        return instanceByToken.computeIfAbsent(clientToken,
                token -> "i-sim-" + kind + "-" + clock.millis() + "-" + Integer.toHexString(token.hashCode()));
    }

    @Override
    public VmDescription describe(String instanceId) {
        String[] parts = instanceId.split("-");
        if (parts.length != 5 || !instanceId.startsWith("i-sim-")) {
            return new VmDescription(instanceId, VmState.NOT_FOUND, null, "unknown instance");
        }
        Instant now = clock.instant();
        Instant launched = Instant.ofEpochMilli(Long.parseLong(parts[3]));
        Instant stopped = terminatedAt.get(instanceId);
        if (stopped == null && parts[2].equals("f") && !now.isBefore(launched.plus(pendingTime))) {
            stopped = launched.plus(pendingTime);
            terminatedAt.putIfAbsent(instanceId, stopped);
            return new VmDescription(instanceId, VmState.TERMINATED, null, "Server.InternalError: simulated boot failure");
        }
        if (stopped != null) {
            return new VmDescription(instanceId, now.isBefore(stopped.plus(stoppingTime)) ? VmState.STOPPING : VmState.TERMINATED,
                    null, "terminated by the labs service");
        }
        if (now.isBefore(launched.plus(pendingTime))) {
            return new VmDescription(instanceId, VmState.PENDING, null, null);
        }
        int host = Math.floorMod(instanceId.hashCode(), 250) + 2;
        return new VmDescription(instanceId, VmState.RUNNING, "10.77.0." + host, null);
    }

    @Override
    public void terminate(String instanceId) {
        terminatedAt.putIfAbsent(instanceId, clock.instant());
    }
}
