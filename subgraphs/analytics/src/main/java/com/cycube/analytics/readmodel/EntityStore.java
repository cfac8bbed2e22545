package com.cycube.analytics.readmodel;

import com.cycube.support.events.Idempotent;
import com.cycube.support.persistence.OptimisticRetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Changes entities of the read model and keeps every aggregate equal to the sum of the entities' contributions,
 * exactly once, without multi-document transactions (ADR 19):
 * <ol>
 *   <li>the entity's document is changed by one compare-and-set write that also stores its new contributions, the
 *       event's id (so a redelivered event changes nothing), and the <em>delta</em> — new contributions minus the
 *       ones stored before — as a pending item;</li>
 *   <li>each pending delta is added to the aggregates' shards with {@link Idempotent#applyOnce} under the delta's id,
 *       then removed from the entity.</li>
 * </ol>
 * A crash between the two steps leaves the delta pending: the event's redelivery (it was not acknowledged) and the
 * periodic {@link #flushPending() sweep} apply it, once. Every read of a figure is then the sum of what the entities
 * say now — the recomputation from the facts, kept incrementally.
 */
@Component
public class EntityStore {

    /** Where the aggregates' shards live. */
    public static final String AGGREGATES = "aggregates";

    private static final String STATE = "state";
    private static final String CONTRIBUTION = "contribution";
    private static final String PENDING = "pending";
    private static final String REVISION = "revision";

    private final MongoTemplate mongo;
    private final Clock clock;

    public EntityStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Applies {@code change} to the entity {@code entityId} of {@code type} unless {@code eventId} was applied to it
     * before, then brings the aggregates up to date.
     *
     * @param change from the current state (empty when the entity is new) to the next; must be a pure function,
     *               it may run several times when writers race
     * @return the entity's state afterwards
     */
    public <S> S apply(EntityType<S> type, String entityId, String organizationId, String eventId,
                       Function<Optional<S>, S> change) {
        S result = OptimisticRetry.until(type.what(), () -> attempt(type, entityId, organizationId, eventId, change));
        flush(type.collection(), entityId);
        return result;
    }

    /** The current state of an entity, if it exists. */
    public <S> Optional<S> find(EntityType<S> type, String entityId) {
        Document document = mongo.findById(entityId, Document.class, type.collection());
        return Optional.ofNullable(document).map(found -> readState(type, found));
    }

    /** The states of the entities of {@code type} that match {@code criteria} (on fields of the state: "state.x"). */
    public <S> List<S> findAll(EntityType<S> type, Query query) {
        query.fields().include(STATE); // not the memory of applied events nor pending deltas
        return mongo.find(query, Document.class, type.collection()).stream().map(found -> readState(type, found)).toList();
    }

    private <S> Optional<S> attempt(EntityType<S> type, String entityId, String organizationId, String eventId,
                                    Function<Optional<S>, S> change) {
        Document current = mongo.findById(entityId, Document.class, type.collection());
        if (current != null && current.getList(Idempotent.APPLIED, String.class, List.of()).contains(eventId)) {
            return Optional.of(readState(type, current)); // applied before; flush() finishes what may be pending
        }
        Optional<S> before = Optional.ofNullable(current).map(found -> readState(type, found));
        S after = change.apply(before);
        List<Document> contributions = stored(type.contributions(after), entityId);
        List<Document> previous = current == null ? List.of() : current.getList(CONTRIBUTION, Document.class, List.of());
        List<Document> delta = delta(previous, contributions);
        Document state = new Document();
        mongo.getConverter().write(after, state);
        state.remove("_class");
        Document pending = new Document("id", type.collection() + ":" + entityId + ":" + eventId)
                .append("at", Date.from(clock.instant())).append("deltas", delta);
        if (current == null) {
            Document fresh = new Document("_id", entityId).append("organizationId", organizationId)
                    .append(STATE, state).append(CONTRIBUTION, contributions).append(REVISION, 1L)
                    .append(Idempotent.APPLIED, List.of(eventId))
                    .append(PENDING, delta.isEmpty() ? List.of() : List.of(pending));
            try {
                mongo.insert(fresh, type.collection());
                return Optional.of(after);
            } catch (DuplicateKeyException createdMeanwhile) {
                return Optional.empty();
            }
        }
        Update update = new Update().set(STATE, state).set(CONTRIBUTION, contributions).inc(REVISION, 1)
                .push(Idempotent.APPLIED).slice(-Idempotent.REMEMBERED).each(eventId);
        if (!delta.isEmpty()) {
            update.push(PENDING, pending);
        }
        Query unchanged = Query.query(Criteria.where("_id").is(entityId).and(REVISION).is(current.get(REVISION)));
        return mongo.updateFirst(unchanged, update, type.collection()).getModifiedCount() == 1
                ? Optional.of(after) : Optional.empty();
    }

    /** Applies the pending deltas of one entity to the aggregates, each once, and forgets them. */
    void flush(String collection, String entityId) {
        Document entity = mongo.findById(entityId, Document.class, collection);
        if (entity == null) {
            return;
        }
        for (Document pending : entity.getList(PENDING, Document.class, List.of())) {
            String deltaId = pending.getString("id");
            Map<String, List<Document>> byShard = new LinkedHashMap<>();
            for (Document delta : pending.getList("deltas", Document.class, List.of())) {
                byShard.computeIfAbsent(delta.getString("s"), shard -> new ArrayList<>()).add(delta);
            }
            byShard.forEach((shard, deltas) -> {
                Document first = deltas.get(0);
                Update update = new Update().setOnInsert("kind", first.getString("k"))
                        .setOnInsert("organizationId", first.getString("o")).setOnInsert("key", first.getString("y"))
                        .setOnInsert("group", first.getString("g")).inc("revision", 1);
                deltas.forEach(delta -> update.inc("f." + delta.getString("f"), delta.getLong("v")));
                Idempotent.applyOnce(mongo, AGGREGATES, Query.query(Criteria.where("_id").is(shard)), update, deltaId, true);
            });
            mongo.updateFirst(Query.query(Criteria.where("_id").is(entityId)),
                    new Update().pull(PENDING, new Document("id", deltaId)), collection);
        }
    }

    /**
     * Applies every delta still pending in {@code collections} — left by a process that stopped between the entity's
     * write and the aggregates'. Safe at any time, concurrently with handlers: each delta is applied once.
     *
     * @return how many entities had pending deltas
     */
    public int flushPending(List<String> collections) {
        int flushed = 0;
        for (String collection : collections) {
            Query pending = Query.query(Criteria.where(PENDING + ".id").exists(true));
            pending.fields().include("_id");
            for (Document entity : mongo.find(pending, Document.class, collection)) {
                flush(collection, entity.getString("_id"));
                flushed++;
            }
        }
        return flushed;
    }

    private <S> S readState(EntityType<S> type, Document document) {
        return mongo.getConverter().read(type.stateClass(), document.get(STATE, Document.class));
    }

    private static List<Document> stored(List<Contribution> contributions, String entityId) {
        Map<String, Document> merged = new LinkedHashMap<>();
        for (Contribution contribution : contributions) {
            if (contribution.value() == 0) {
                continue;
            }
            String shard = contribution.aggregate().shardId(entityId);
            String key = shard + "|" + contribution.field();
            Document existing = merged.get(key);
            if (existing != null) {
                existing.put("v", existing.getLong("v") + contribution.value());
            } else {
                merged.put(key, new Document("s", shard).append("k", contribution.aggregate().kind().name())
                        .append("o", contribution.aggregate().organizationId()).append("y", contribution.aggregate().key())
                        .append("g", contribution.aggregate().group())
                        .append("f", contribution.field()).append("v", contribution.value()));
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** {@code next} minus {@code previous}, per shard and field; only non-zero differences. */
    static List<Document> delta(List<Document> previous, List<Document> next) {
        Map<String, Document> result = new LinkedHashMap<>();
        for (Document item : next) {
            result.put(item.getString("s") + "|" + item.getString("f"), new Document(item));
        }
        for (Document item : previous) {
            String key = item.getString("s") + "|" + item.getString("f");
            Document existing = result.get(key);
            if (existing != null) {
                existing.put("v", existing.getLong("v") - item.getLong("v"));
            } else {
                Document negated = new Document(item);
                negated.put("v", -item.getLong("v"));
                result.put(key, negated);
            }
        }
        result.values().removeIf(item -> Objects.equals(item.getLong("v"), 0L));
        return new ArrayList<>(result.values());
    }
}
