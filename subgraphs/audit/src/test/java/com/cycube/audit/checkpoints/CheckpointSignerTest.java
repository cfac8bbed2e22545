package com.cycube.audit.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.audit.AuditProperties;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointSignerTest {

    private static final String KEY = "an-operators-own-checkpoint-key-of-32-characters";

    @Test
    void a_checkpoint_signed_with_the_key_is_authentic_and_any_change_to_it_is_not() {
        CheckpointSigner signer = new CheckpointSigner(KEY);
        CheckpointDocument checkpoint = signer.sign("org-acme", 7, "a".repeat(64), Instant.parse("2026-12-07T10:00:00Z"));

        assertThat(signer.isAuthentic(checkpoint)).isTrue();
        assertThat(signer.isAuthentic(new CheckpointDocument(checkpoint.id(), checkpoint.chain(), 6, checkpoint.hash(),
                checkpoint.at(), checkpoint.signature()))).isFalse();
        assertThat(new CheckpointSigner(KEY + "-other").isAuthentic(checkpoint)).isFalse();
    }

    @Test
    void outside_the_local_stack_a_missing_or_published_key_stops_the_start() {
        assertThatThrownBy(() -> CheckpointSigner.checkedKey(null, false)).hasMessageContaining("CYCUBE_AUDIT_CHECKPOINT_KEY");
        assertThatThrownBy(() -> CheckpointSigner.checkedKey(AuditProperties.DEV_CHECKPOINT_KEY, false))
                .hasMessageContaining("public development key");
        assertThat(CheckpointSigner.checkedKey(null, true)).isEqualTo(AuditProperties.DEV_CHECKPOINT_KEY);
        assertThat(CheckpointSigner.checkedKey(KEY, false)).isEqualTo(KEY);
    }
}
