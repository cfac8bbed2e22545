package com.cycube.labs.vm;

/** A VM's state as the labs care about it (EC2's pending/running/shutting-down/terminated, stopping/stopped). */
public enum VmState {
    PENDING,
    RUNNING,
    STOPPING,
    TERMINATED,
    NOT_FOUND;

    /** Gone or going: a VM in this state will never serve the lab. */
    public boolean isGone() {
        return this == STOPPING || this == TERMINATED || this == NOT_FOUND;
    }
}
