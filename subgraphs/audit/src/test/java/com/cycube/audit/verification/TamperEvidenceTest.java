package com.cycube.audit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.audit.checkpoints.CheckpointDocument;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.ChainHash;
import com.cycube.audit.trail.TrailStore;
import com.cycube.audit.verification.Verification.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Someone with write access to the database changes the trail behind the audit subgraph's back; verification finds
 * the first record altered, removed or put in, and a chain cut off before its latest signed checkpoint.
 */
class TamperEvidenceTest extends AuditIntegrationTest {

    @Autowired
    TrailVerifier verifier;

    @Test
    void an_untouched_chain_is_intact_and_every_record_is_checked() {
        sendAndDeliver(ACME, 5);
        checkpoints.checkpointAll();

        Verification verification = verifier.verify(ACME, null, null);

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkedRecords()).isEqualTo(5);
        assertThat(verification.firstProblem()).isNull();
    }

    @Test
    void a_record_altered_in_the_database_is_found_as_altered() {
        sendAndDeliver(ACME, 5);
        mongo.updateFirst(atSeq(ACME, 3), new Update().set("outcome", "DENIED"), AuditEventDocument.COLLECTION);

        assertProblem(verifier.verify(ACME, null, null), 3, Kind.ALTERED, chain(ACME).get(2).id());
    }

    @Test
    void a_record_altered_with_its_hash_recomputed_breaks_the_link_of_the_next_one() {
        sendAndDeliver(ACME, 5);
        rewriteWithItsOwnHash(ACME, 3, "someone-else");

        Verification verification = verifier.verify(ACME, null, null);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstProblem().seq()).isEqualTo(4);
    }

    @Test
    void a_refusal_reason_removed_from_a_stored_record_is_found_as_altered() {
        send(record(ACME, "user-gone", "query.myEnrollments", "DENIED", "UNAUTHENTICATED", null, List.of(),
                "The account is deactivated", "ACCOUNT_DEACTIVATED"));
        drain();
        sendAndDeliver(ACME, 2);
        mongo.updateFirst(atSeq(ACME, 1), new Update().unset("reason"), AuditEventDocument.COLLECTION);

        assertProblem(verifier.verify(ACME, null, null), 1, Kind.ALTERED, chain(ACME).get(0).id());
    }

    @Test
    void a_record_deleted_from_the_database_is_found_as_missing() {
        sendAndDeliver(ACME, 5);
        mongo.remove(atSeq(ACME, 2), AuditEventDocument.COLLECTION);

        assertProblem(verifier.verify(ACME, null, null), 2, Kind.MISSING, null);
    }

    @Test
    void a_record_deleted_and_the_later_ones_renumbered_is_found_as_missing() {
        sendAndDeliver(ACME, 5);
        mongo.remove(atSeq(ACME, 2), AuditEventDocument.COLLECTION);
        for (long seq = 3; seq <= 5; seq++) {
            mongo.updateFirst(atSeq(ACME, seq), new Update().set("seq", seq - 1), AuditEventDocument.COLLECTION);
        }

        assertProblem(verifier.verify(ACME, null, null), 2, Kind.MISSING, null);
    }

    @Test
    void a_record_inserted_in_the_database_is_found_as_inserted() {
        sendAndDeliver(ACME, 5);
        List<AuditEventDocument> original = chain(ACME);
        for (long seq = 5; seq >= 3; seq--) { // make room at seq 3, from the end so positions stay unique
            mongo.updateFirst(atSeq(ACME, seq), new Update().set("seq", seq + 1), AuditEventDocument.COLLECTION);
        }
        AuditEventDocument forged = AuditEventDocument.unchained("forged-1", record(ACME, "ghost", "mutation.updateTeam",
                "SUCCESS"), now()).chained(3, original.get(1).hash()); // a well-formed link, made with the public algorithm
        mongo.insert(forged, AuditEventDocument.COLLECTION);

        assertProblem(verifier.verify(ACME, null, null), 3, Kind.INSERTED, "forged-1");
    }

    @Test
    void a_record_inserted_at_the_end_without_a_valid_link_is_found_as_inserted() {
        sendAndDeliver(ACME, 3);
        AuditEventDocument forged = AuditEventDocument.unchained("forged-2", record(ACME, "ghost", "mutation.updateTeam",
                "SUCCESS"), now()).chained(4, "f".repeat(64));
        mongo.insert(forged, AuditEventDocument.COLLECTION);

        assertProblem(verifier.verify(ACME, null, null), 4, Kind.INSERTED, "forged-2");
    }

    @Test
    void a_chain_cut_off_before_its_latest_checkpoint_is_found_as_truncated_even_when_its_head_is_rewound() {
        sendAndDeliver(ACME, 5);
        checkpoints.checkpointAll();
        cutOffAfter(ACME, 3);

        assertProblem(verifier.verify(ACME, null, null), 4, Kind.TRUNCATED, null);
    }

    @Test
    void without_a_checkpoint_after_them_the_last_records_can_be_cut_off_unnoticed_which_is_why_checkpoints_are_made() {
        sendAndDeliver(ACME, 3);
        checkpoints.checkpointAll();
        sendAndDeliver(ACME, 2);
        cutOffAfter(ACME, 3);

        assertThat(verifier.verify(ACME, null, null).intact()).isTrue();
    }

    @Test
    void a_checkpoint_whose_signature_does_not_match_is_found_as_altered() {
        sendAndDeliver(ACME, 3);
        checkpoints.checkpointAll();
        mongo.updateFirst(Query.query(Criteria.where("chain").is(ACME)), new Update().set("hash", "0".repeat(64)),
                CheckpointDocument.COLLECTION);

        Verification verification = verifier.verify(ACME, null, null);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstProblem().kind()).isEqualTo(Kind.ALTERED);
    }

    @Test
    void a_window_checks_the_records_stored_in_it_and_finds_what_was_altered_there() {
        sendAndDeliver(ACME, 3);
        clock.advance(Duration.ofHours(1));
        Instant from = now();
        sendAndDeliver(ACME, 3);
        clock.advance(Duration.ofHours(1));
        Instant to = now();
        sendAndDeliver(ACME, 3);

        assertThat(verifier.verify(ACME, from, to).checkedRecords()).isEqualTo(4); // seq 3 (the link), 4, 5, 6
        mongo.updateFirst(atSeq(ACME, 5), new Update().set("action", "query.nothing"), AuditEventDocument.COLLECTION);
        assertProblem(verifier.verify(ACME, from, to), 5, Kind.ALTERED, chain(ACME).get(4).id());
        assertThat(verifier.verify(ACME, null, from).intact()).isTrue();
    }

    private void cutOffAfter(String chain, long seq) {
        AuditEventDocument last = chain(chain).get((int) seq - 1);
        mongo.remove(Query.query(Criteria.where("chain").is(chain).and("seq").gt(seq)), AuditEventDocument.COLLECTION);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(chain)), new Update().set("seq", seq).set("hash", last.hash()),
                TrailStore.HEADS); // a careful intruder rewinds the head too
    }

    private static Query atSeq(String chain, long seq) {
        return Query.query(Criteria.where("chain").is(chain).and("seq").is(seq));
    }

    private static void assertProblem(Verification verification, long seq, Kind kind, String recordId) {
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstProblem()).isNotNull();
        assertThat(verification.firstProblem().kind()).as(verification.firstProblem().detail()).isEqualTo(kind);
        assertThat(verification.firstProblem().seq()).isEqualTo(seq);
        assertThat(verification.firstProblem().recordId()).isEqualTo(recordId);
    }
}
