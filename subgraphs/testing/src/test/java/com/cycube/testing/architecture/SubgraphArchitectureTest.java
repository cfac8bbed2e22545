package com.cycube.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testing.SubgraphArchitectureProbe;
import org.junit.jupiter.api.Test;

/** The rules every subgraph's ArchitectureTest applies fail where they should, and only there. */
class SubgraphArchitectureTest {

    @Test
    void a_subgraph_of_fetchers_services_and_stores_passes() {
        assertThat(SubgraphArchitectureProbe.violations("com.cycube.testing.architecture.good")).isEmpty();
    }

    @Test
    void each_broken_rule_is_reported() {
        assertThat(String.join("\n", SubgraphArchitectureProbe.violations("com.cycube.testing.architecture.bad")))
                .contains("data fetchers go through services, never to stores or the database")
                .contains("stores do not call services or data fetchers")
                .contains("only stores, event handlers, index set-up and demo data use MongoDB directly")
                .contains("a subgraph depends on no other subgraph, only on the support library");
    }
}
