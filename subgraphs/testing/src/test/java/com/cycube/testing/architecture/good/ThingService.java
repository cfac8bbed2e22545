package com.cycube.testing.architecture.good;

public class ThingService {
    private final ThingStore store;

    public ThingService(ThingStore store) {
        this.store = store;
    }

    public long count() {
        return store.count();
    }
}
