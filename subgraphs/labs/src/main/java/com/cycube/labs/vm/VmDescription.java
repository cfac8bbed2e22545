package com.cycube.labs.vm;

/** What {@link VmProvider#describe} saw: the state and, once running, the address remote access connects to. */
public record VmDescription(String instanceId, VmState state, String address, String stateReason) {
}
