package com.cycube.identity.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamHierarchyTest {

    // secops ─┬─ soc1 ── soc1-night
    //         └─ soc2
    // red (top level)
    private final Map<String, String> parentOf = new HashMap<>(Map.of("soc1", "secops", "soc2", "secops", "soc1-night", "soc1"));
    private final TeamHierarchy hierarchy;

    TeamHierarchyTest() {
        parentOf.put("secops", null);
        parentOf.put("red", null);
        hierarchy = new TeamHierarchy(parentOf);
    }

    @Test
    void a_team_cannot_become_its_own_parent() {
        assertThat(hierarchy.wouldCreateCycle("soc1", "soc1")).isTrue();
    }

    @Test
    void a_team_cannot_move_under_a_descendant() {
        assertThat(hierarchy.wouldCreateCycle("secops", "soc1-night")).isTrue();
        assertThat(hierarchy.wouldCreateCycle("secops", "soc2")).isTrue();
    }

    @Test
    void a_team_may_move_under_a_sibling_a_cousin_or_another_tree() {
        assertThat(hierarchy.wouldCreateCycle("soc1", "soc2")).isFalse();
        assertThat(hierarchy.wouldCreateCycle("soc1-night", "soc2")).isFalse();
        assertThat(hierarchy.wouldCreateCycle("secops", "red")).isFalse();
    }

    @Test
    void moving_to_the_top_level_never_creates_a_cycle() {
        assertThat(hierarchy.wouldCreateCycle("soc1", null)).isFalse();
    }

    @Test
    void an_existing_loop_in_stored_data_is_refused_rather_than_followed_forever() {
        TeamHierarchy broken = new TeamHierarchy(Map.of("a", "b", "b", "a"));

        assertThat(broken.wouldCreateCycle("c", "a")).isTrue();
    }
}
