package com.cycube.audit.checkpoints;

import com.cycube.audit.trail.TrailStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Makes a signed checkpoint of every chain that grew since its latest one: periodically ({@code AuditSchedule})
 * and on demand (before pruning, in tests). The checkpoint takes the chain's head — the last record appended — so
 * verification can tell a chain cut off after it.
 */
@Service
public class AuditCheckpoints {

    private final TrailStore trail;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final Clock clock;

    public AuditCheckpoints(TrailStore trail, CheckpointStore checkpoints, CheckpointSigner signer, Clock clock) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.clock = clock;
    }

    /** The checkpoints made now (none for chains unchanged since their latest). */
    public List<CheckpointDocument> checkpointAll() {
        List<CheckpointDocument> made = new ArrayList<>();
        for (TrailStore.Head head : trail.heads()) {
            long latest = checkpoints.latest(head.chain()).map(CheckpointDocument::seq).orElse(0L);
            if (head.seq() > latest) {
                CheckpointDocument checkpoint = signer.sign(head.chain(), head.seq(), head.hash(), clock.instant());
                if (checkpoints.add(checkpoint)) {
                    made.add(checkpoint);
                }
            }
        }
        return made;
    }
}
