package com.cycube.testing.architecture.bad;

import com.cycube.testing.architecture.good.ThingService;

public class ThingDataFetcher {
    public ThingStore store; // a data fetcher skipping its service
    public ThingService otherSubgraph; // and using another "subgraph"
}
