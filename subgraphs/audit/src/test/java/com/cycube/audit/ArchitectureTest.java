package com.cycube.audit;

import com.cycube.testing.SubgraphArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void the_subgraph_follows_the_shared_architecture() {
        SubgraphArchitecture.check("com.cycube.audit");
    }
}
