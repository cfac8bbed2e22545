package com.cycube.support.events;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Turns payload records into plain BSON documents and back — the one way an event payload is written and read.
 * Stored shape: each record component under its own name; instants as BSON dates; enums by name; nested records as
 * documents; lists as arrays; numbers as int, long or double (millisecond precision for instants). Reading is
 * lenient only where stored data may differ in width (a whole number of any width fits an int or long component if its
 * value fits) and strict about what the contract needs (a missing primitive component, a fraction for a whole number, a
 * null list element, a null id checked by the record — all errors, so a malformed event is retried and parked rather
 * than applied half-read).
 */
final class PayloadCodec {

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private PayloadCodec() {
    }

    static Document write(Record payload) {
        Document document = new Document();
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                document.append(component.getName(), toBson(accessor.invoke(payload)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of " + payload.getClass(), e);
            }
        }
        return document;
    }

    static <T extends Record> T read(Document document, Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            values[i] = fromBson(document.get(component.getName()), component.getType(), component.getGenericType(),
                    type.getSimpleName() + "." + component.getName());
        }
        try {
            return type.cast(constructor(type).newInstance(values));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot build " + type.getSimpleName() + " from " + document, e);
        }
    }

    private static Object toBson(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Record nested) {
            return write(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(toBson(item)));
            return items;
        }
        throw new IllegalArgumentException("Event payloads cannot hold a " + value.getClass().getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromBson(Object value, Class<?> type, Type genericType, String where) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException(where + " is missing");
            }
            return List.class.equals(type) ? List.of() : null;
        }
        if (type == String.class) {
            return value.toString();
        }
        if (type == int.class || type == Integer.class) {
            try {
                return Math.toIntExact(whole(value, where));
            } catch (ArithmeticException tooLarge) {
                throw new IllegalArgumentException(where + " does not fit an int: " + value);
            }
        }
        if (type == long.class || type == Long.class) {
            return whole(value, where);
        }
        if (type == double.class || type == Double.class) {
            return number(value, where).doubleValue();
        }
        if (type == boolean.class || type == Boolean.class) {
            if (value instanceof Boolean bool) {
                return bool;
            }
            throw new IllegalArgumentException(where + " is not a boolean: " + value);
        }
        if (type == Instant.class) {
            return value instanceof Date date ? date.toInstant() : Instant.parse(value.toString());
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value.toString());
        }
        if (type.isRecord()) {
            if (value instanceof Document nested) {
                return read(nested, (Class<? extends Record>) type);
            }
            throw new IllegalArgumentException(where + " is not a document: " + value);
        }
        if (List.class.equals(type) && value instanceof List<?> list) {
            Type itemType = genericType instanceof ParameterizedType parameterized
                    ? parameterized.getActualTypeArguments()[0] : null;
            Class<?> itemClass = itemType instanceof ParameterizedType nested ? (Class<?>) nested.getRawType()
                    : itemType instanceof Class<?> plain ? plain : null;
            if (itemClass == null || itemClass == Object.class) {
                throw new IllegalArgumentException(where + " must declare its element type");
            }
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item == null) {
                    throw new IllegalArgumentException(where + " holds a null element");
                }
                items.add(fromBson(item, itemClass, itemType, where + "[]"));
            }
            return List.copyOf(items);
        }
        throw new IllegalArgumentException(where + " cannot be read as " + type.getSimpleName() + ": " + value);
    }

    /** A whole number; a stored fraction is refused, never rounded away. */
    private static long whole(Object value, String where) {
        Number number = number(value, where);
        if ((number instanceof Double || number instanceof Float) && number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new IllegalArgumentException(where + " is not a whole number: " + value);
        }
        return number.longValue();
    }

    private static Number number(Object value, String where) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException(where + " is not a number: " + value);
    }

    private static Constructor<?> constructor(Class<? extends Record> type) {
        return CONSTRUCTORS.computeIfAbsent(type, t -> {
            Class<?>[] parameters = java.util.Arrays.stream(t.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new);
            try {
                Constructor<?> canonical = t.getDeclaredConstructor(parameters);
                canonical.setAccessible(true);
                return canonical;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
