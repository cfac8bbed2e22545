package com.cycube.audit.checkpoints;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The checkpoints, in MongoDB: one per chain and seq (written once), read newest first. */
@Component
public class CheckpointStore {

    private final MongoTemplate mongo;

    public CheckpointStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores it unless a checkpoint of that chain and seq exists (another replica made it). */
    public boolean add(CheckpointDocument checkpoint) {
        try {
            mongo.insert(checkpoint, CheckpointDocument.COLLECTION);
            return true;
        } catch (DuplicateKeyException madeByAnother) {
            return false;
        }
    }

    public Optional<CheckpointDocument> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, CheckpointDocument.class, CheckpointDocument.COLLECTION));
    }

    /** The chain's checkpoint with the highest seq. */
    public Optional<CheckpointDocument> latest(String chain) {
        return newest(Criteria.where("chain").is(chain));
    }

    /** The chain's newest checkpoint made at or before {@code time}. */
    public Optional<CheckpointDocument> latestMadeBy(String chain, Instant time) {
        return newest(Criteria.where("chain").is(chain).and("at").lte(time));
    }

    /** Deletes the chain's checkpoints before {@code seq} (retention: the one at {@code seq} stays, as the anchor). */
    public long deleteBefore(String chain, long seq) {
        return mongo.remove(Query.query(Criteria.where("chain").is(chain).and("seq").lt(seq)),
                CheckpointDocument.COLLECTION).getDeletedCount();
    }

    private Optional<CheckpointDocument> newest(Criteria criteria) {
        return Optional.ofNullable(mongo.findOne(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "seq")).limit(1),
                CheckpointDocument.class, CheckpointDocument.COLLECTION));
    }
}
