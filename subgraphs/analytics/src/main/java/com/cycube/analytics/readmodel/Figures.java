package com.cycube.analytics.readmodel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summed figures of one aggregate (or of several, e.g. the learners of a team): numbers by field path, nested
 * where a field carries a value (weeks, days, due dates, cubes). Missing figures read as 0.
 */
public final class Figures {

    public static final Figures NONE = new Figures(Map.of());

    private final Map<String, Object> values;

    private Figures(Map<String, Object> values) {
        this.values = values;
    }

    static Figures of(Map<String, Object> values) {
        return new Figures(values);
    }

    /** Whether nothing contributed to these figures. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** A top-level number, or 0. */
    public long get(String field) {
        return values.get(field) instanceof Number number ? number.longValue() : 0L;
    }

    /** A nested group of figures ({@code weeks}, {@code openDue}, {@code cubes.<id>}), empty when there is none. */
    @SuppressWarnings("unchecked")
    public Figures group(String field) {
        return values.get(field) instanceof Map<?, ?> nested ? new Figures((Map<String, Object>) nested) : NONE;
    }

    /** The names of the fields of this group, sorted. */
    public Iterable<String> fields() {
        return Collections.unmodifiableSet(new TreeMap<>(values).keySet());
    }

    /** This group's top-level numbers by field name, sorted by name. */
    public Map<String, Long> numbers() {
        Map<String, Long> numbers = new TreeMap<>();
        values.forEach((field, value) -> {
            if (value instanceof Number number) {
                numbers.put(field, number.longValue());
            }
        });
        return numbers;
    }

    /** The sum of this and {@code other}, field by field, at every depth. */
    public Figures plus(Figures other) {
        return new Figures(sum(values, other.values));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> sum(Map<String, Object> left, Map<String, Object> right) {
        Map<String, Object> result = new LinkedHashMap<>(left);
        right.forEach((field, value) -> result.merge(field, value, (a, b) -> {
            if (a instanceof Number x && b instanceof Number y) {
                return x.longValue() + y.longValue();
            }
            if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
                return sum((Map<String, Object>) x, (Map<String, Object>) y);
            }
            return b;
        }));
        return result;
    }
}
