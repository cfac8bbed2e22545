package com.cycube.labs.provisioning;

import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.instances.LabState;
import com.cycube.labs.instances.LabStore;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves labs along from what is stored, one tick at a time: launches VMs of REQUESTED labs (and of reset labs),
 * watches PROVISIONING VMs until they run (then opens remote access → RUNNING) or fail (→ FAILED), and finishes
 * STOPPING labs (→ TERMINATED). Stateless between ticks, so it resumes after a restart and several instances may
 * run it at once (every write is a compare-and-set).
 */
@Component
public class ProvisioningDriver {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningDriver.class);
    static final int BATCH = 200;

    private final LabStore store;
    private final LabProvisioner provisioner;

    public ProvisioningDriver(LabStore store, LabProvisioner provisioner) {
        this.store = store;
        this.provisioner = provisioner;
    }

    /** One pass; returns how many labs changed state. */
    public int tick() {
        int changed = 0;
        for (LabInstanceDocument lab : store.inStates(EnumSet.of(LabState.REQUESTED, LabState.PROVISIONING, LabState.STOPPING), BATCH)) {
            try {
                LabInstanceDocument after = lab.state() == LabState.STOPPING ? provisioner.finishStopping(lab) : provisioner.advance(lab);
                if (after != null && after.state() != lab.state()) {
                    changed++;
                }
            } catch (RuntimeException e) {
                log.error("Provisioning step of lab {} failed", lab.id(), e);
            }
        }
        return changed;
    }
}
