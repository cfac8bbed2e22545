package com.cycube.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.audit.checkpoints.CheckpointDocument;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.verification.TrailVerifier;
import com.cycube.audit.verification.Verification;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Records older than the retention (400 days by default) go; the chain stays verifiable from the checkpoint kept. */
class RetentionTest extends AuditIntegrationTest {

    @Autowired
    TrailRetention retention;

    @Autowired
    TrailVerifier verifier;

    @Test
    void pruning_removes_records_older_than_the_retention_up_to_a_checkpoint_and_the_chain_still_verifies_from_it() {
        sendAndDeliver(ACME, 3);
        checkpoints.checkpointAll(); // at seq 3
        clock.advance(Duration.ofDays(401));
        sendAndDeliver(ACME, 2);

        TrailRetention.Pruned pruned = retention.prune();

        assertThat(pruned.records()).isEqualTo(2);
        assertThat(chain(ACME)).extracting(AuditEventDocument::seq).containsExactly(3L, 4L, 5L);
        Verification verification = verifier.verify(ACME, null, null);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checkedRecords()).isEqualTo(3);
    }

    @Test
    void the_kept_anchor_record_is_still_checked_against_its_signed_checkpoint() {
        sendAndDeliver(ACME, 3);
        checkpoints.checkpointAll();
        clock.advance(Duration.ofDays(401));
        retention.prune();

        mongo.updateFirst(Query.query(Criteria.where("chain").is(ACME).and("seq").is(3L)),
                new Update().set("actor", "someone-else"), AuditEventDocument.COLLECTION);

        assertThat(verifier.verify(ACME, null, null).firstProblem().kind()).isEqualTo(Verification.Kind.ALTERED);
    }

    @Test
    void records_younger_than_the_retention_are_kept_even_with_a_checkpoint_after_them() {
        sendAndDeliver(ACME, 3);
        checkpoints.checkpointAll();
        clock.advance(Duration.ofDays(399));

        assertThat(retention.prune().records()).isZero();
        assertThat(chain(ACME)).hasSize(3);
    }

    @Test
    void records_removed_by_hand_before_their_retention_ended_are_found_even_behind_a_forged_anchor() {
        sendAndDeliver(ACME, 3);
        checkpoints.checkpointAll();
        sendAndDeliver(ACME, 2);
        CheckpointDocument recent = mongo.findById(CheckpointDocument.idOf(ACME, 3), CheckpointDocument.class,
                CheckpointDocument.COLLECTION);
        trail.pruneBefore(ACME, 3, recent.id()); // what pruning would do 400 days from now

        Verification verification = verifier.verify(ACME, null, null);

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstProblem().kind()).isEqualTo(Verification.Kind.MISSING);
    }
}
