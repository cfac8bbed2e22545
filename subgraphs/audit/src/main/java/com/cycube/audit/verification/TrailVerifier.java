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
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Duration;
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
 *
 * <p>One call walks at most {@code cycube.audit.verification.max-records} records and stops after about
 * {@code max-duration} (always after at least one record): a longer walk answers {@code complete: false} with a signed
 * cursor ({@link VerificationCursors}) naming the last record checked, its hash and the window's last seq. The next
 * step starts at that record, which must still be there with that hash — so a chain verified in steps is proven link
 * by link exactly as in one walk, and a record altered behind an earlier step is found when the next one starts.
 */
@Component
public class TrailVerifier {

    /** How far one call walks. */
    record Budget(int maxRecords, Duration maxDuration) {

        static Budget of(AuditProperties.Verification settings) {
            return new Budget(settings.maxRecords(), settings.maxDuration());
        }
    }

    private final TrailStore trail;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final VerificationCursors cursors;
    private final AuditProperties properties;
    private final Clock clock;

    public TrailVerifier(TrailStore trail, CheckpointStore checkpoints, CheckpointSigner signer,
                         VerificationCursors cursors, AuditProperties properties, Clock clock) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.cursors = cursors;
        this.properties = properties;
        this.clock = clock;
    }

    /** The first step of a verification of {@code chain} in the window (null bounds: from its start, to its end). */
    public Verification verify(String chain, Instant from, Instant to) {
        return verify(chain, from, to, null);
    }

    /**
     * One step: the first ({@code after} null) or the one continuing from a cursor a step of {@code chain} gave
     * (then {@code from} and {@code to} are those of the first step, carried in it). BAD_USER_INPUT for a cursor that
     * is not such a one, or that points before records pruned since.
     */
    public Verification verify(String chain, Instant from, Instant to, String after) {
        return verify(chain, from, to, after, Budget.of(properties.verification()));
    }

    Verification verify(String chain, Instant from, Instant to, String after, Budget budget) {
        VerificationCursors.Resume resume = after == null ? null : cursors.read(after, chain);
        Walk walk = new Walk(chain, budget);
        Problem problem = walk.run(from, to, resume);
        String organization = AuditEventDocument.PLATFORM_CHAIN.equals(chain) ? null : chain;
        if (problem != null || walk.stoppedAt == null) {
            return new Verification(organization, problem == null, walk.checked, problem, true, null, null);
        }
        String cursor = cursors.write(new VerificationCursors.Resume(chain, walk.stoppedAt.seq(), walk.stoppedAt.hash(),
                walk.untilSeq));
        return new Verification(organization, true, walk.checked, null, false, walk.stoppedAt.seq(), cursor);
    }

    /** One step's state: the anchor, the latest checkpoint, the previous record, the count, where it stopped. */
    private final class Walk {

        private final String chain;
        private final Budget budget;
        private final TrailStore.Head head;
        private final long deadline;
        private CheckpointDocument anchor;
        private CheckpointDocument latest;
        private AuditEventDocument previous;
        private long checked;
        private long untilSeq;
        /** The last record checked when the budget ran out before the window did; null when the walk got through. */
        private AuditEventDocument stoppedAt;

        Walk(String chain, Budget budget) {
            this.chain = chain;
            this.budget = budget;
            this.head = trail.head(chain);
            this.deadline = System.nanoTime() + budget.maxDuration().toNanos(); // wall time, not the domain clock
        }

        Problem run(Instant from, Instant to, VerificationCursors.Resume resume) {
            Problem checkpointProblem = loadCheckpoints();
            if (checkpointProblem != null) {
                return checkpointProblem;
            }
            long floor = anchor == null ? 1 : anchor.seq();
            long lastStored = trail.last(chain).map(AuditEventDocument::seq).orElse(0L);
            long lo;
            if (resume != null) {
                if (resume.seq() < floor) {
                    throw DomainException.badInput("The trail was pruned past this cursor since the verification began: "
                            + "start it again without after");
                }
                lo = resume.seq();
                untilSeq = resume.untilSeq();
            } else {
                lo = floor;
                if (from != null) {
                    Optional<AuditEventDocument> first = trail.firstRecordedFrom(chain, from);
                    lo = first.map(record -> Math.max(floor, record.seq() - 1)).orElse(lastStored + 1);
                }
                untilSeq = to == null ? Long.MAX_VALUE
                        : trail.lastRecordedUntil(chain, to).map(AuditEventDocument::seq).orElse(0L);
            }
            boolean reachesEnd = untilSeq >= lastStored;
            long expected = lo;
            // the budget, the record the walk resumes from, and one more to tell "stopped early" from "at the end"
            int limit = budget.maxRecords() + 2;
            try (Stream<AuditEventDocument> records = trail.stream(chain, lo, untilSeq, limit)) {
                Iterator<AuditEventDocument> iterator = records.iterator();
                if (resume != null) {
                    Problem problem = resumeFrom(iterator, resume);
                    if (problem != null) {
                        return problem;
                    }
                    expected = resume.seq() + 1;
                }
                while (iterator.hasNext()) {
                    AuditEventDocument record = iterator.next();
                    Problem problem = check(record, expected, resume == null && lo == floor);
                    if (problem != null) {
                        return problem;
                    }
                    checked++;
                    previous = record;
                    expected = record.seq() + 1;
                    if (budgetSpent() && iterator.hasNext()) {
                        stoppedAt = record;
                        return null;
                    }
                }
            }
            return reachesEnd ? checkEnd(expected - 1) : null;
        }

        private boolean budgetSpent() {
            return checked >= budget.maxRecords() || System.nanoTime() - deadline >= 0;
        }

        /** The record the step before stopped at must still be there, as it was: this step is proven from it. */
        private Problem resumeFrom(Iterator<AuditEventDocument> iterator, VerificationCursors.Resume resume) {
            AuditEventDocument first = iterator.hasNext() ? iterator.next() : null;
            if (first == null || first.seq() != resume.seq()) {
                return new Problem(resume.seq(), null, Kind.MISSING, "Record " + resume.seq()
                        + ", checked by the step before, is missing");
            }
            if (!resume.hash().equals(first.hash()) || !ChainHash.of(first).equals(first.hash())) {
                return new Problem(first.seq(), first.id(), Kind.ALTERED, "Record " + first.seq()
                        + " changed since the step before checked it");
            }
            previous = first;
            return null;
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
