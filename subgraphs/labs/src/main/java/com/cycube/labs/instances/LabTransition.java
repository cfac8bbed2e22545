package com.cycube.labs.instances;

import java.time.Instant;

/** One stored step of a lab's history. {@code from} is null for the launch. */
public record LabTransition(LabState from, LabState to, Instant at, String reason) {
}
