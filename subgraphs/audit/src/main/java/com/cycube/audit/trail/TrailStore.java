package com.cycube.audit.trail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The chains, in MongoDB. Appending is safe under any number of concurrent handler threads and replicas without
 * locks: a record is inserted at {@code head.seq + 1} — the unique index on {@code (chain, seq)} lets exactly one
 * writer have each position, the unique {@code _id} (the event id) lets each record in exactly once — and then the
 * chain's head document is moved forward by compare-and-set on its {@code seq}. A writer that loses a position (or
 * finds the head behind, after a crash between insert and head move) moves the head to the record that won and tries
 * the next position. Records are never updated; only {@link #pruneBefore} deletes them.
 */
@Component
public class TrailStore {

    /** One document per chain: where it ends ({@code seq}, {@code hash}) and, after pruning, where it starts. */
    public static final String HEADS = "audit_chain_heads";
    /** Attempts at a position before giving up (the event is then retried by the delivery loop). */
    static final int MAX_ATTEMPTS = 100;
    /** Records read per round trip while streaming a chain: memory stays bounded however long the chain. */
    static final int BATCH = 1000;

    private final MongoTemplate mongo;

    public TrailStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Where a chain ends, and where it starts after pruning (anchor 0: it starts at seq 1). */
    public record Head(String chain, long seq, String hash, long anchorSeq, String anchorCheckpointId) {

        static Head empty(String chain) {
            return new Head(chain, 0, ChainHash.GENESIS, 0, null);
        }
    }

    /**
     * Appends {@code record} (unchained) to its chain: the stored, linked record, or empty when a record with its id
     * is already stored (a redelivered event), also when that other delivery is running at the same moment.
     */
    public Optional<AuditEventDocument> append(AuditEventDocument record) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (contains(record.id())) {
                return Optional.empty();
            }
            Head head = head(record.chain());
            AuditEventDocument linked = record.chained(head.seq() + 1, head.hash());
            try {
                mongo.insert(linked, AuditEventDocument.COLLECTION);
            } catch (DuplicateKeyException positionOrIdTaken) {
                catchUp(head);
                continue;
            }
            moveHead(head, linked.seq(), linked.hash());
            return Optional.of(linked);
        }
        throw new IllegalStateException("Could not append audit record " + record.id() + " to chain " + record.chain()
                + " after " + MAX_ATTEMPTS + " attempts; it will be delivered again");
    }

    public boolean contains(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), AuditEventDocument.COLLECTION);
    }

    public Optional<AuditEventDocument> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, AuditEventDocument.class, AuditEventDocument.COLLECTION));
    }

    public Head head(String chain) {
        Document head = mongo.findById(chain, Document.class, HEADS);
        if (head == null) {
            return Head.empty(chain);
        }
        return new Head(chain, head.get("seq", Number.class).longValue(), head.getString("hash"),
                head.get("anchorSeq") instanceof Number n ? n.longValue() : 0, head.getString("anchorCheckpointId"));
    }

    public List<Head> heads() {
        return mongo.findAll(Document.class, HEADS).stream().map(document -> head(document.getString("_id"))).toList();
    }

    /** The head is behind a record another writer stored: moves it there (helping that writer finish). */
    private void catchUp(Head head) {
        at(head.chain(), head.seq() + 1).ifPresent(next -> moveHead(head, next.seq(), next.hash()));
    }

    /** Compare-and-set: moves the head from {@code from.seq} to {@code seq}; someone else having moved it is fine. */
    private void moveHead(Head from, long seq, String hash) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(from.chain()).and("seq").is(from.seq())),
                    new Update().set("seq", seq).set("hash", hash), HEADS);
        } catch (DuplicateKeyException movedByAnother) {
            // the head exists at another seq: another writer moved it already
        }
    }

    public Optional<AuditEventDocument> at(String chain, long seq) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("chain").is(chain).and("seq").is(seq)),
                AuditEventDocument.class, AuditEventDocument.COLLECTION));
    }

    /** The chain's last stored record (highest seq). */
    public Optional<AuditEventDocument> last(String chain) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("chain").is(chain))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(1), AuditEventDocument.class, AuditEventDocument.COLLECTION));
    }

    /** The first stored record (lowest seq) appended at or after {@code from}. */
    public Optional<AuditEventDocument> firstRecordedFrom(String chain, Instant from) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("chain").is(chain).and("recordedAt").gte(from))
                .with(Sort.by(Sort.Direction.ASC, "seq")).limit(1), AuditEventDocument.class, AuditEventDocument.COLLECTION));
    }

    /** The last stored record (highest seq) appended at or before {@code to}. */
    public Optional<AuditEventDocument> lastRecordedUntil(String chain, Instant to) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("chain").is(chain).and("recordedAt").lte(to))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(1), AuditEventDocument.class, AuditEventDocument.COLLECTION));
    }

    /**
     * The chain's records from {@code fromSeq} to {@code toSeq} (inclusive; 0 = the lowest stored) in seq order, read
     * with a cursor in batches; close the stream.
     */
    public Stream<AuditEventDocument> stream(String chain, long fromSeq, long toSeq) {
        return stream(chain, fromSeq, toSeq, 0);
    }

    /** As {@link #stream(String, long, long)}, at most {@code limit} records (0: no limit). */
    public Stream<AuditEventDocument> stream(String chain, long fromSeq, long toSeq, int limit) {
        Query query = Query.query(Criteria.where("chain").is(chain).and("seq").gte(fromSeq).lte(toSeq))
                .with(Sort.by(Sort.Order.asc("seq"), Sort.Order.asc("_id"))).limit(limit).cursorBatchSize(BATCH);
        return mongo.stream(query, AuditEventDocument.class, AuditEventDocument.COLLECTION);
    }

    /**
     * Retention: deletes the chain's records before {@code anchorSeq} and records the anchor — the checkpoint at
     * that seq — on the head, where verification starts from. The only deletion of records there is.
     */
    public long pruneBefore(String chain, long anchorSeq, String anchorCheckpointId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(chain)),
                new Update().set("anchorSeq", anchorSeq).set("anchorCheckpointId", anchorCheckpointId), HEADS);
        return mongo.remove(Query.query(Criteria.where("chain").is(chain).and("seq").lt(anchorSeq)),
                AuditEventDocument.COLLECTION).getDeletedCount();
    }
}
