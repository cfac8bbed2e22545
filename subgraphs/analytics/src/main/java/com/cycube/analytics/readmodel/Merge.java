package com.cycube.analytics.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The order-free ways entity states combine facts (docs/events.md §7): the earliest, the latest, the union. Null
 * means "not known yet" and never wins.
 */
public final class Merge {

    private Merge() {
    }

    public static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    public static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /** {@code values} plus {@code value}, sorted, without duplicates or nulls. */
    public static List<String> union(Collection<String> values, String value) {
        TreeSet<String> set = new TreeSet<>(values == null ? List.of() : values);
        if (value != null) {
            set.add(value);
        }
        return new ArrayList<>(set);
    }

    /** {@code values} sorted, without duplicates or nulls; an empty list for null. */
    public static List<String> sorted(Collection<String> values) {
        return values == null ? List.of()
                : List.copyOf(new TreeSet<>(values.stream().filter(Objects::nonNull).toList()));
    }
}
