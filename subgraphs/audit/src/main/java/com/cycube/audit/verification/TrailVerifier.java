package com.cycube.audit.verification;

import com.cycube.audit.AuditProperties;
import com.cycube.audit.checkpoints.CheckpointDocument;
import com.cycube.audit.checkpoints.CheckpointSigner;
import com.cycube.audit.checkpoints.CheckpointStore;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.ChainHash;
import com.cycube.audit.trail.TrailStore;
import com.cycube.audit.verification.Verification.Kind;
import com.cycube.audit.verification.Verification.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Walks one chain in seq order — streamed with a cursor, so memory stays bounded for millions of records — and stops
 * at the first problem:
 * <ul>
 *   <li>{@code ALTERED}: a record's content no longer hashes to its stored hash, or a record differs from the signed
 *       checkpoint (or retention anchor) at its seq, or a checkpoint's signature is wrong;</li>
 *   <li>{@code MISSING}: a seq is absent (a record deleted), a record moved down one position (one before it deleted
 *       and the rest renumbered), or records pruned before their retention ended;</li>
 *   <li>{@code INSERTED}: two records at one seq, a record that moved up one position (one put in before it — the
 *       one reported), or a record that does not link to the one before it;</li>
 *   <li>{@code TRUNCATED}: the chain ends before its latest signed checkpoint or its head.</li>
 * </ul>
 * The window {@code [from, to]} is when records were appended ({@code recordedAt}); the walk starts at the record
 * before the window (its own hash is checked, its link to earlier ones is not) or at the chain's start: seq 1, or the
 * retention anchor — the kept checkpoint pruning left, whose record must still hash as signed. The end of the chain is
 * checked against its latest checkpoint and head only when the window reaches it.
 */
@Component
public class TrailVerifier {

    private final TrailStore trail;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final AuditProperties properties;
    private final Clock clock;

    public TrailVerifier(TrailStore trail, CheckpointStore checkpoints, CheckpointSigner signer,
                         AuditProperties properties, Clock clock) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    public Verification verify(String chain, Instant from, Instant to) {
        Walk walk = new Walk(chain);
        Problem problem = walk.run(from, to);
        String organization = AuditEventDocument.PLATFORM_CHAIN.equals(chain) ? null : chain;
        return new Verification(organization, problem == null, walk.checked, problem);
    }

    /** One verification's state: the anchor, the latest checkpoint, the previous record, the count. */
    private final class Walk {

        private final String chain;
        private final TrailStore.Head head;
        private CheckpointDocument anchor;
        private CheckpointDocument latest;
        private AuditEventDocument previous;
        private long checked;

        Walk(String chain) {
            this.chain = chain;
            this.head = trail.head(chain);
        }

        Problem run(Instant from, Instant to) {
            Problem checkpointProblem = loadCheckpoints();
            if (checkpointProblem != null) {
                return checkpointProblem;
            }
            long floor = anchor == null ? 1 : anchor.seq();
            long lastStored = trail.last(chain).map(AuditEventDocument::seq).orElse(0L);
            long lo = floor;
            if (from != null) {
                Optional<AuditEventDocument> first = trail.firstRecordedFrom(chain, from);
                lo = first.map(record -> Math.max(floor, record.seq() - 1)).orElse(lastStored + 1);
            }
            long hi = to == null ? Long.MAX_VALUE : trail.lastRecordedUntil(chain, to).map(AuditEventDocument::seq).orElse(0L);
            boolean reachesEnd = hi >= lastStored;
            long expected = lo;
            try (Stream<AuditEventDocument> records = trail.stream(chain, lo, hi)) {
                Iterator<AuditEventDocument> iterator = records.iterator();
                while (iterator.hasNext()) {
                    AuditEventDocument record = iterator.next();
                    Problem problem = check(record, expected, lo == floor);
                    if (problem != null) {
                        return problem;
                    }
                    checked++;
                    previous = record;
                    expected = record.seq() + 1;
                }
            }
            return reachesEnd ? checkEnd(expected - 1) : null;
        }

        /** The retention anchor and the latest checkpoint, and whether their signatures hold. */
        private Problem loadCheckpoints() {
            if (head.anchorSeq() > 0) {
                anchor = head.anchorCheckpointId() == null ? null : checkpoints.byId(head.anchorCheckpointId()).orElse(null);
                if (anchor == null || !signer.isAuthentic(anchor) || anchor.seq() != head.anchorSeq()) {
                    return new Problem(head.anchorSeq(), null, Kind.ALTERED,
                            "The retention anchor (the checkpoint the chain starts from) is missing or not authentic");
                }
                if (anchor.at().isAfter(clock.instant().minus(properties.retention()))) {
                    return new Problem(1, null, Kind.MISSING, "Records before seq " + anchor.seq()
                            + " were removed although their retention period has not ended");
                }
            }
            latest = checkpoints.latest(chain).orElse(null);
            if (latest != null && !signer.isAuthentic(latest)) {
                return new Problem(latest.seq(), null, Kind.ALTERED, "The latest checkpoint's signature is wrong");
            }
            return null;
        }

        private Problem check(AuditEventDocument record, long expected, boolean fromStart) {
            if (previous != null && record.seq() == previous.seq()) {
                return new Problem(record.seq(), record.id(), Kind.INSERTED, "A second record at seq " + record.seq());
            }
            if (record.seq() != expected) {
                return new Problem(expected, null, Kind.MISSING, expected == record.seq() - 1
                        ? "Record " + expected + " is missing"
                        : "Records " + expected + " to " + (record.seq() - 1) + " are missing");
            }
            if (!ChainHash.of(record).equals(record.hash())) {
                return movedOrAltered(record);
            }
            String expectedPrevious = previous != null ? previous.hash()
                    : fromStart && anchor == null ? ChainHash.GENESIS : null;
            if (expectedPrevious != null && !expectedPrevious.equals(record.prevHash())) {
                return new Problem(record.seq(), record.id(), Kind.INSERTED, "It does not link to record "
                        + (record.seq() - 1) + ": put in from outside the trail, or the record before it rewritten");
            }
            CheckpointDocument signed = anchor != null && anchor.seq() == record.seq() ? anchor
                    : latest != null && latest.seq() == record.seq() ? latest : null;
            if (signed != null && !signed.hash().equals(record.hash())) {
                return new Problem(record.seq(), record.id(), Kind.ALTERED, "It differs from the signed checkpoint at seq "
                        + record.seq() + ": the chain was rewritten from here or before");
            }
            return null;
        }

        /** A record whose hash does not match: moved up (one inserted before it), moved down (one removed), or altered. */
        private Problem movedOrAltered(AuditEventDocument record) {
            if (previous != null && ChainHash.at(record, record.seq() - 1).equals(record.hash())) {
                return new Problem(previous.seq(), previous.id(), Kind.INSERTED, "Put in before record "
                        + previous.seq() + " (now " + record.seq() + "), which was renumbered to make room");
            }
            if (ChainHash.at(record, record.seq() + 1).equals(record.hash())) {
                return new Problem(record.seq(), null, Kind.MISSING, "The record at seq " + record.seq()
                        + " was removed and the ones after it renumbered");
            }
            return new Problem(record.seq(), record.id(), Kind.ALTERED, "Its content does not match its hash");
        }

        /** The chain must reach its latest checkpoint and its head: anything less was cut off. */
        private Problem checkEnd(long lastSeen) {
            long promised = Math.max(head.seq(), latest == null ? 0 : latest.seq());
            if (promised > lastSeen) {
                return new Problem(lastSeen + 1, null, Kind.TRUNCATED, "The chain ends at seq " + lastSeen
                        + " but reached seq " + promised + (latest != null && latest.seq() == promised
                        ? " at its signed checkpoint of " + latest.at() : ""));
            }
            return null;
        }
    }
}
