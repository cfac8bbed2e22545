package com.cycube.analytics.readmodel;

import java.util.ArrayList;
import java.util.List;

/** Collects what one entity state contributes; zero values are left out. */
public final class Contributions {

    private final List<Contribution> items = new ArrayList<>();

    public Contributions add(AggregateKey target, String field, long value) {
        if (value != 0) {
            items.add(new Contribution(target, field, value));
        }
        return this;
    }

    public List<Contribution> list() {
        return List.copyOf(items);
    }
}
