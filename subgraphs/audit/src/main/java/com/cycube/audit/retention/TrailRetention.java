package com.cycube.audit.retention;

import com.cycube.audit.AuditProperties;
import com.cycube.audit.alerts.AlertStore;
import com.cycube.audit.checkpoints.CheckpointDocument;
import com.cycube.audit.checkpoints.CheckpointStore;
import com.cycube.audit.trail.TrailStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Removes records older than {@code cycube.audit.retention} (default 400 days) without breaking verifiability: per
 * chain, only the records before the newest checkpoint made before the cut-off, which stays — with its record — as
 * the chain's anchor: verification starts from it and checks its signature. Records between that checkpoint and the
 * cut-off wait for the next checkpoint to pass the cut-off. Older checkpoints and alerts raised before the cut-off go
 * too.
 */
@Service
public class TrailRetention {

    /** What one pruning removed. */
    public record Pruned(long records, long checkpoints, long alerts) {
    }

    private final TrailStore trail;
    private final CheckpointStore checkpoints;
    private final AlertStore alerts;
    private final AuditProperties properties;
    private final Clock clock;

    public TrailRetention(TrailStore trail, CheckpointStore checkpoints, AlertStore alerts, AuditProperties properties,
                          Clock clock) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.alerts = alerts;
        this.properties = properties;
        this.clock = clock;
    }

    public Pruned prune() {
        Instant cutoff = clock.instant().minus(properties.retention());
        long records = 0;
        long removedCheckpoints = 0;
        for (TrailStore.Head head : trail.heads()) {
            Optional<CheckpointDocument> anchor = checkpoints.latestMadeBy(head.chain(), cutoff);
            if (anchor.isPresent() && anchor.get().seq() > head.anchorSeq()) {
                records += trail.pruneBefore(head.chain(), anchor.get().seq(), anchor.get().id());
                removedCheckpoints += checkpoints.deleteBefore(head.chain(), anchor.get().seq());
            }
        }
        return new Pruned(records, removedCheckpoints, alerts.deleteRaisedBefore(cutoff));
    }
}
