package com.cycube.testing.architecture.good;

import org.springframework.data.mongodb.core.MongoTemplate;

public class ThingStore {
    private final MongoTemplate mongo;

    public ThingStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public long count() {
        return mongo.getCollection("things").countDocuments();
    }
}
