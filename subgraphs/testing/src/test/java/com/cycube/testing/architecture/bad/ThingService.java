package com.cycube.testing.architecture.bad;

import org.springframework.data.mongodb.core.MongoTemplate;

public class ThingService {
    public MongoTemplate mongo; // a service talking to MongoDB itself
}
