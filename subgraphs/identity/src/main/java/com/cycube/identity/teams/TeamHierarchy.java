package com.cycube.identity.teams;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The parent links of one organization's teams, and the rule that keeps them a forest (no cycles). */
public record TeamHierarchy(Map<String, String> parentOf) {

    /**
     * True when putting {@code teamId} under {@code newParentId} would make the team its own
     * ancestor: the new parent is the team itself or one of its descendants.
     */
    public boolean wouldCreateCycle(String teamId, String newParentId) {
        Set<String> seen = new HashSet<>();
        for (String current = newParentId; current != null; current = parentOf.get(current)) {
            if (current.equals(teamId)) {
                return true;
            }
            if (!seen.add(current)) {
                return true; // stored data already has a loop: refuse to build on it
            }
        }
        return false;
    }
}
