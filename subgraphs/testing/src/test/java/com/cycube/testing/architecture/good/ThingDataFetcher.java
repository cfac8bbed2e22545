package com.cycube.testing.architecture.good;

public class ThingDataFetcher {
    private final ThingService things;

    public ThingDataFetcher(ThingService things) {
        this.things = things;
    }

    public long count() {
        return things.count();
    }
}
