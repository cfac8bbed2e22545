package com.cycube.analytics.readmodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads aggregates: the shards of one aggregate summed. A read costs one indexed query over a fixed number of
 * documents ({@link AggregateKind} shards), whatever the number of entities that contributed.
 */
@Component
public class AggregateStore {

    private final MongoTemplate mongo;

    public AggregateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The figures of one aggregate; {@link Figures#NONE} when nothing contributed yet. */
    public Figures read(AggregateKey key) {
        return sum(mongo.find(figuresOnly(Query.query(Criteria.where("kind").is(key.kind().name())
                .and("organizationId").is(key.organizationId()).and("key").is(key.key()))), Document.class,
                EntityStore.AGGREGATES));
    }

    /** Reads only the figures and the keys, not the shards' memory of applied deltas (hundreds of ids each). */
    private static Query figuresOnly(Query query) {
        query.fields().include("f").include("key").include("group");
        return query;
    }

    /** The figures of several aggregates of one kind and organization, by key (absent keys: nothing contributed). */
    public Map<String, Figures> readEach(AggregateKind kind, String organizationId, Collection<String> keys) {
        Map<String, List<Document>> byKey = new HashMap<>();
        mongo.find(figuresOnly(Query.query(Criteria.where("kind").is(kind.name()).and("organizationId").is(organizationId)
                        .and("key").in(keys))), Document.class, EntityStore.AGGREGATES)
                .forEach(shard -> byKey.computeIfAbsent(shard.getString("key"), k -> new ArrayList<>()).add(shard));
        Map<String, Figures> result = new LinkedHashMap<>();
        byKey.forEach((key, shards) -> result.put(key, sum(shards)));
        return result;
    }

    /** The figures of one key of {@code kind} summed over every organization (root's view of platform content). */
    public Figures readAcrossOrganizations(AggregateKind kind, String key) {
        return sum(mongo.find(figuresOnly(Query.query(Criteria.where("kind").is(kind.name()).and("key").is(key))),
                Document.class, EntityStore.AGGREGATES));
    }

    /**
     * The aggregates of {@code kind} whose group is one of {@code groups} (a course's cubes, for its questions), by
     * key: one organization's, or every organization's summed when {@code organizationId} is null.
     */
    public Map<String, Grouped> readByGroup(AggregateKind kind, String organizationId, Collection<String> groups) {
        Criteria criteria = Criteria.where("kind").is(kind.name()).and("group").in(groups);
        if (organizationId != null) {
            criteria = criteria.and("organizationId").is(organizationId);
        }
        Map<String, List<Document>> byKey = new LinkedHashMap<>();
        Map<String, String> groupOf = new HashMap<>();
        for (Document shard : mongo.find(figuresOnly(Query.query(criteria)), Document.class, EntityStore.AGGREGATES)) {
            byKey.computeIfAbsent(shard.getString("key"), k -> new ArrayList<>()).add(shard);
            groupOf.put(shard.getString("key"), shard.getString("group"));
        }
        Map<String, Grouped> result = new LinkedHashMap<>();
        byKey.forEach((key, shards) -> result.put(key, new Grouped(groupOf.get(key), sum(shards))));
        return result;
    }

    /** An aggregate's group and figures. */
    public record Grouped(String group, Figures figures) {
    }

    /** One shard as a live document, if it exists. */
    public Optional<AggregateShard> shard(String id) {
        return Optional.ofNullable(mongo.findOne(liveFields(Query.query(Criteria.where("_id").is(id))),
                AggregateShard.class, EntityStore.AGGREGATES));
    }

    /** The shards of the organizations' aggregates, as live documents. */
    public List<AggregateShard> organizationShards(Set<String> organizations) {
        return mongo.find(liveFields(Query.query(Criteria.where("kind").is(AggregateKind.ORGANIZATION.name())
                .and("organizationId").in(organizations))), AggregateShard.class, EntityStore.AGGREGATES);
    }

    private static Query liveFields(Query query) {
        query.fields().include("kind").include("organizationId").include("key").include("revision");
        return query;
    }

    private static Figures sum(List<Document> shards) {
        Map<String, Object> total = new LinkedHashMap<>();
        for (Document shard : shards) {
            Document figures = shard.get("f", Document.class);
            if (figures != null) {
                total = Figures.sum(total, figures);
            }
        }
        return Figures.of(total);
    }
}
