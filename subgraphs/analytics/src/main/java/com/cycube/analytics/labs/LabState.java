package com.cycube.analytics.labs;

import com.cycube.analytics.readmodel.Merge;
import java.time.Instant;

/**
 * What analytics knows about one lab from its state changes, in any order: when it was launched (the earliest change),
 * when it began running (the change into RUNNING) and when it stopped running (the change out of RUNNING).
 * A lab enters RUNNING at most once (labs' life cycle), so the two instants bound the one running period.
 */
public record LabState(String labId, String organizationId, String userId, String cubeId, String templateId,
                       Instant launchedAt, Instant runningFrom, Instant runningUntil, boolean objectivesMet) {

    static LabState empty(String labId, String organizationId, String userId, String cubeId, String templateId) {
        return new LabState(labId, organizationId, userId, cubeId, templateId, null, null, null, false);
    }

    /** One state change at {@code at}: from {@code previous} (null at launch) to {@code state}. */
    public LabState changed(String previous, String state, Instant at) {
        Instant from = "RUNNING".equals(state) ? Merge.earliest(runningFrom, at) : runningFrom;
        Instant until = "RUNNING".equals(previous) ? Merge.earliest(runningUntil, at) : runningUntil;
        return new LabState(labId, organizationId, userId, cubeId, templateId, Merge.earliest(launchedAt, at), from,
                until, objectivesMet);
    }

    public LabState withObjectivesMet() {
        return new LabState(labId, organizationId, userId, cubeId, templateId, launchedAt, runningFrom, runningUntil,
                true);
    }

    /** Running now: it began running and has not stopped. */
    public boolean running() {
        return runningFrom != null && runningUntil == null;
    }

    /** Seconds it ran, once it stopped; 0 before. */
    public long ranSeconds() {
        return runningFrom != null && runningUntil != null
                ? Math.max(0, runningUntil.getEpochSecond() - runningFrom.getEpochSecond()) : 0;
    }
}
