package com.cycube.labs.provisioning;

import static com.cycube.labs.instances.LabStore.PLATFORM;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.instances.LabState;
import com.cycube.labs.instances.LabStore;
import com.cycube.labs.quotas.LabQuotaService;
import com.cycube.labs.remoteaccess.RemoteAccess;
import com.cycube.labs.remoteaccess.RemoteAccessException;
import com.cycube.labs.remoteaccess.RemoteSession;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.labs.templates.LabTemplateService;
import com.cycube.labs.vm.VmDescription;
import com.cycube.labs.vm.VmProvider;
import com.cycube.labs.vm.VmProviderException;
import com.cycube.labs.vm.VmState;
import com.cycube.support.errors.DomainException;
import com.cycube.support.persistence.OptimisticRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps that move a lab forward by talking to the cloud and to remote access. Each step reads nothing but
 * the lab document it is given, calls an idempotent adapter, and stores the outcome with a compare-and-set —
 * so any step can run again (after a crash, on another instance, on the next tick) without harm. When a
 * compare-and-set is lost, the step undoes what it created (terminates the VM, removes the connection) unless
 * the winner stored that very thing.
 *
 * <p>It works for the platform ({@link LabStore#PLATFORM}): callers of its methods in a request have already
 * checked that the caller may act on the lab.
 */
@Component
public class LabProvisioner {

    private static final Logger log = LoggerFactory.getLogger(LabProvisioner.class);

    private final LabStore store;
    private final LabTemplateService templates;
    private final VmProvider vms;
    private final RemoteAccess remoteAccess;
    private final LabQuotaService quotas;
    private final LabsProperties properties;
    /** {@code cycube_labs_provisioning_seconds}: from the launch request to RUNNING, what a trainee waits. */
    private final Timer provisioning;
    /** {@code cycube_labs_provisioning_failures_total}. */
    private final Counter failures;

    public LabProvisioner(LabStore store, LabTemplateService templates, VmProvider vms, RemoteAccess remoteAccess,
                          LabQuotaService quotas, LabsProperties properties, MeterRegistry meters) {
        this.provisioning = Timer.builder("cycube.labs.provisioning").publishPercentileHistogram().register(meters);
        this.failures = meters.counter("cycube.labs.provisioning.failures");
        this.store = store;
        this.templates = templates;
        this.vms = vms;
        this.remoteAccess = remoteAccess;
        this.quotas = quotas;
        this.properties = properties;
    }

    /** One step forward for a REQUESTED or PROVISIONING lab; returns the lab as it is afterwards. */
    public LabInstanceDocument advance(LabInstanceDocument lab) {
        if (lab.state() == LabState.REQUESTED || (lab.state() == LabState.PROVISIONING && lab.vmInstanceId() == null)) {
            return launchVm(lab);
        }
        if (lab.state() == LabState.PROVISIONING) {
            return awaitRunning(lab);
        }
        return lab;
    }

    /** Launches the lab's VM (idempotent by launch token) and records it: REQUESTED → PROVISIONING. */
    public LabInstanceDocument launchVm(LabInstanceDocument lab) {
        Optional<LabTemplateDocument> template = templates.find(lab.templateId());
        if (template.isEmpty()) {
            return fail(lab, "The lab template " + lab.templateId() + " no longer exists");
        }
        String instanceId;
        try {
            instanceId = vms.launch(lab.launchToken(), template.get(), tags(lab));
        } catch (VmProviderException e) {
            if (e.retryable()) {
                log.warn("Launching the VM of lab {} failed, will retry: {}", lab.id(), e.getMessage());
                return lab;
            }
            return fail(lab, e.getMessage());
        }
        try {
            return recordVm(lab, instanceId);
        } catch (DomainException contention) {
            // every attempt lost the race: the lab is as it is, and the driver's next pass launches again with the
            // same launch token, gets this same VM back and records it then
            log.warn("Recording VM {} for lab {} lost every race; the driver will record it on its next pass", instanceId, lab.id());
            return store.reread(lab.id()).orElse(lab);
        }
    }

    /** Stores the launched VM on the lab still waiting for it, or terminates it when the lab moved on. */
    private LabInstanceDocument recordVm(LabInstanceDocument lab, String instanceId) {
        return OptimisticRetry.until("The lab", () -> {
            LabInstanceDocument current = store.reread(lab.id()).orElse(null);
            if (current != null && instanceId.equals(current.vmInstanceId())) {
                return Optional.of(current); // stored already (by another instance: the launch is idempotent)
            }
            boolean stillWaitingForThisVm = current != null && current.generation() == lab.generation()
                    && current.vmInstanceId() == null
                    && (current.state() == LabState.REQUESTED || current.state() == LabState.PROVISIONING);
            if (!stillWaitingForThisVm) {
                log.info("Lab {} moved on while its VM {} was launched; terminating that VM", lab.id(), instanceId);
                terminateQuietly(instanceId);
                return Optional.of(current == null ? lab : current);
            }
            return store.vmLaunched(current, instanceId, "VM " + instanceId + " launched");
        });
    }

    private LabInstanceDocument awaitRunning(LabInstanceDocument lab) {
        VmDescription vm;
        try {
            vm = vms.describe(lab.vmInstanceId());
        } catch (VmProviderException e) {
            if (!e.retryable()) {
                return fail(lab, e.getMessage());
            }
            log.warn("Describing the VM of lab {} failed, will retry: {}", lab.id(), e.getMessage());
            return lab;
        }
        if (vm.state() == VmState.RUNNING && vm.address() != null) {
            return run(lab, vm);
        }
        if (vm.state().isGone()) {
            return fail(lab, "The VM stopped while provisioning" + (vm.stateReason() == null ? "" : ": " + vm.stateReason()));
        }
        if (store.now().isAfter(lab.updatedAt().plus(properties.provisioningTimeout()))) {
            return fail(lab, "The VM did not come up within " + properties.provisioningTimeout().toMinutes() + " minutes");
        }
        return lab;
    }

    /** Creates the remote-access connection and stores it with the address: PROVISIONING → RUNNING. */
    private LabInstanceDocument run(LabInstanceDocument lab, VmDescription vm) {
        LabTemplateDocument template = templates.find(lab.templateId()).orElse(null);
        if (template == null) {
            return fail(lab, "The lab template " + lab.templateId() + " no longer exists");
        }
        RemoteSession session;
        try {
            session = remoteAccess.open(lab.id(), lab.ownerId(), template, vm.address());
        } catch (RemoteAccessException e) {
            log.warn("Opening remote access for lab {} failed, will retry: {}", lab.id(), e.getMessage());
            return lab;
        }
        Optional<LabInstanceDocument> running = store.running(lab, vm.address(), session.connectionId(), session.url(),
                "VM running");
        if (running.isEmpty()) {
            closeQuietly(session.connectionId());
            return store.reread(lab.id()).orElse(lab);
        }
        provisioning.record(Duration.between(lab.requestedAt(), running.get().updatedAt()));
        return running.get();
    }

    /** Any active lab → FAILED with {@code reason}; its VM and connection are released. */
    public LabInstanceDocument fail(LabInstanceDocument lab, String reason) {
        log.warn("Lab {} failed: {}", lab.id(), reason);
        failures.increment();
        return store.end(PLATFORM, lab, LabState.FAILED, reason)
                .map(this::release)
                .orElseGet(() -> store.reread(lab.id()).orElse(lab));
    }

    /** Any active lab → EXPIRED; its VM and connection are released. Empty if another writer got there first. */
    public Optional<LabInstanceDocument> expire(LabInstanceDocument lab) {
        return store.end(PLATFORM, lab, LabState.EXPIRED, "expired at " + lab.expiresAt())
                .map(this::release);
    }

    /** A STOPPING lab: release its VM and connection; TERMINATED once the provider reports the VM gone. */
    public LabInstanceDocument finishStopping(LabInstanceDocument lab) {
        LabInstanceDocument released = release(lab);
        if (released.needsRelease()) {
            return released;
        }
        if (released.vmInstanceId() != null) {
            try {
                VmState state = vms.describe(released.vmInstanceId()).state();
                if (state != VmState.TERMINATED && state != VmState.NOT_FOUND) {
                    return released;
                }
            } catch (VmProviderException e) {
                log.warn("Describing the stopping VM of lab {} failed, will retry: {}", lab.id(), e.getMessage());
                return released;
            }
        }
        return store.terminated(released, "VM terminated")
                .orElseGet(() -> store.reread(lab.id()).orElse(released));
    }

    /**
     * Gives an ended lab's place in the quota back (idempotent, first: a relaunch need not wait for the cloud), then
     * terminates every VM and removes every connection the lab still lists as to be released.
     */
    public LabInstanceDocument release(LabInstanceDocument lab) {
        quotas.giveBack(lab);
        if (lab.vmsToRelease() != null) {
            for (String vm : lab.vmsToRelease()) {
                try {
                    vms.terminate(vm);
                    store.vmReleased(lab.id(), vm);
                } catch (VmProviderException e) {
                    log.warn("Terminating VM {} of lab {} failed, will retry: {}", vm, lab.id(), e.getMessage());
                }
            }
        }
        if (lab.connectionsToClose() != null) {
            for (String connection : lab.connectionsToClose()) {
                try {
                    remoteAccess.close(connection);
                    store.connectionClosed(lab.id(), connection);
                } catch (RemoteAccessException e) {
                    log.warn("Removing connection {} of lab {} failed, will retry: {}", connection, lab.id(), e.getMessage());
                }
            }
        }
        return store.reread(lab.id()).orElse(lab);
    }

    private static Map<String, String> tags(LabInstanceDocument lab) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", "cycube-lab-" + lab.id());
        tags.put("cycube:organization", lab.organizationId());
        tags.put("cycube:user", lab.ownerId());
        tags.put("cycube:lab", lab.id());
        tags.put("cycube:cube", lab.cubeId());
        return tags;
    }

    private void terminateQuietly(String instanceId) {
        try {
            vms.terminate(instanceId);
        } catch (VmProviderException e) {
            log.error("Could not terminate orphan VM {}: {}", instanceId, e.getMessage());
        }
    }

    private void closeQuietly(String connectionId) {
        try {
            remoteAccess.close(connectionId);
        } catch (RemoteAccessException e) {
            log.error("Could not remove orphan connection {}: {}", connectionId, e.getMessage());
        }
    }
}
