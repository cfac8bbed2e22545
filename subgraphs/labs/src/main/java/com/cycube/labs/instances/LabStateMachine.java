package com.cycube.labs.instances;

import static com.cycube.labs.instances.LabState.EXPIRED;
import static com.cycube.labs.instances.LabState.FAILED;
import static com.cycube.labs.instances.LabState.PROVISIONING;
import static com.cycube.labs.instances.LabState.REQUESTED;
import static com.cycube.labs.instances.LabState.RUNNING;
import static com.cycube.labs.instances.LabState.STOPPING;
import static com.cycube.labs.instances.LabState.TERMINATED;

import com.cycube.support.errors.DomainException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lab life cycle, and the only place that says which state may follow which:
 * <pre>
 *   REQUESTED ──VM launched──▶ PROVISIONING ──VM running──▶ RUNNING
 *       │                        ▲    │                       │ │
 *       │                        └────┼─────── resetLab ──────┘ │
 *       │                             │                         │
 *       ├── terminateLab ─────────────┴──── terminateLab ───────┴──▶ STOPPING ──VM gone──▶ TERMINATED
 *       ├── launch refused / VM never comes up ──────────────────────▶ FAILED
 *       └── expiresAt passed (from REQUESTED, PROVISIONING, RUNNING) ─▶ EXPIRED
 * </pre>
 * TERMINATED, FAILED and EXPIRED are final.
 */
public final class LabStateMachine {

    private static final Map<LabState, Set<LabState>> ALLOWED = Map.of(
            REQUESTED, EnumSet.of(PROVISIONING, STOPPING, FAILED, EXPIRED),
            PROVISIONING, EnumSet.of(RUNNING, STOPPING, FAILED, EXPIRED),
            RUNNING, EnumSet.of(PROVISIONING, STOPPING, FAILED, EXPIRED),
            STOPPING, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(LabState.class),
            FAILED, EnumSet.noneOf(LabState.class),
            EXPIRED, EnumSet.noneOf(LabState.class));

    private LabStateMachine() {
    }

    public static boolean allows(LabState from, LabState to) {
        return ALLOWED.get(from).contains(to);
    }

    public static Set<LabState> next(LabState from) {
        return Set.copyOf(ALLOWED.get(from));
    }

    /** CONFLICT (the client asked for something the lab's current state does not allow) unless allowed. */
    public static void requireAllowed(LabState from, LabState to) {
        if (!allows(from, to)) {
            throw DomainException.conflict("A " + from + " lab cannot become " + to);
        }
    }
}
