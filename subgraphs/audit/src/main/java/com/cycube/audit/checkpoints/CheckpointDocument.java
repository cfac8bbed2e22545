package com.cycube.audit.checkpoints;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * A signed statement "chain {@code chain} had {@code seq} records and its last one hashed {@code hash} at {@code at}":
 * whoever cuts records off the end of a chain (or rewrites it) without the key cannot make the chain match its
 * latest checkpoint again. Written once, never updated; pruned with the records before the retention anchor.
 */
public record CheckpointDocument(@Id String id, String chain, long seq, String hash, Instant at, String signature) {

    public static final String COLLECTION = "audit_checkpoints";

    public static String idOf(String chain, long seq) {
        return chain + ":" + seq;
    }
}
