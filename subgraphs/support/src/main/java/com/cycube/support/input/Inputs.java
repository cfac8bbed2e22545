package com.cycube.support.input;

import java.util.List;
import java.util.Map;

/** Typed reads of a GraphQL input object as DGS hands it over (a map; enums as their names). */
public record Inputs(Map<String, Object> values) {

    public static Inputs of(Map<String, Object> values) {
        return new Inputs(values == null ? Map.of() : values);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public String string(String name) {
        Object value = values.get(name);
        return value == null ? null : value.toString();
    }

    public Integer integer(String name) {
        Object value = values.get(name);
        return value == null ? null : ((Number) value).intValue();
    }

    public Long longValue(String name) {
        Object value = values.get(name);
        return value == null ? null : ((Number) value).longValue();
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        return type.isInstance(value) ? type.cast(value) : Enum.valueOf(type, value.toString());
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object value = values.get(name);
        return value == null ? null : ((List<Object>) value).stream().map(Object::toString).toList();
    }
}
