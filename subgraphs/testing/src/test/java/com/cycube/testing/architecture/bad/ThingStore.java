package com.cycube.testing.architecture.bad;

public class ThingStore {
    public ThingService service; // a store calling back into a service
}
