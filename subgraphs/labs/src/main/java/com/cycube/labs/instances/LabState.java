package com.cycube.labs.instances;

import java.util.EnumSet;
import java.util.Set;

/** Where a lab is in its life cycle; the allowed moves are in {@link LabStateMachine}. */
public enum LabState {
    REQUESTED,
    PROVISIONING,
    RUNNING,
    STOPPING,
    TERMINATED,
    FAILED,
    EXPIRED;

    /** The states that hold (or are about to hold) a VM for the trainee: they count against the quota. */
    public static final Set<LabState> ACTIVE = EnumSet.of(REQUESTED, PROVISIONING, RUNNING);

    /** End states: nothing leaves them. */
    public static final Set<LabState> FINAL = EnumSet.of(TERMINATED, FAILED, EXPIRED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    public static java.util.List<String> activeNames() {
        return ACTIVE.stream().map(Enum::name).toList();
    }
}
