package com.cycube.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm the local stack imports: the production realm {@code keycloak/cycube-realm.json} with the development
 * overlay {@code keycloak/cycube-realm-dev.json} merged over it (seed users, the password-grant client
 * {@code cycube-dev}, the example integration client, known secrets, localhost redirect URIs, Keycloak's default
 * browser flow). Only the local stack merges it; production imports the production file alone.
 *
 * <p>The merge, field by field of the overlay (fields whose name starts with {@code _}, such as {@code _comment}, are
 * notes and are dropped):
 * <ul>
 *   <li>{@code users}: appended to the production users;</li>
 *   <li>{@code clients}: matched by {@code clientId}; an overlay client with a known {@code clientId} is
 *       {@linkplain #deepMerge deep-merged} over the production one, an unknown one is appended;</li>
 *   <li>anything else: {@linkplain #deepMerge deep-merged} (a scalar or an array replaces, an object merges key by
 *       key).</li>
 * </ul>
 */
public final class DevRealm {

    public static final String PRODUCTION_FILE = "keycloak/cycube-realm.json";
    public static final String OVERLAY_FILE = "keycloak/cycube-realm-dev.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DevRealm() {
    }

    /** Reads both files and writes the merged realm to {@code target} (created or replaced). */
    public static void write(Path production, Path overlay, Path target) {
        try {
            ObjectNode merged = merge(read(production), read(overlay));
            Files.writeString(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the merged realm " + target, e);
        }
    }

    /** The production realm with the overlay merged over it; neither argument is changed. */
    public static ObjectNode merge(JsonNode production, JsonNode overlay) {
        if (!production.isObject() || !overlay.isObject()) {
            throw new StackStartException("a realm file and its dev overlay must both be JSON objects");
        }
        ObjectNode realm = (ObjectNode) production.deepCopy();
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("_")) {
                continue;
            }
            switch (name) {
                case "users" -> appendAll(realm, name, value);
                case "clients" -> mergeClients(realm, value);
                default -> realm.set(name, deepMerge(realm.get(name), value));
            }
        }
        return realm;
    }

    /**
     * {@code overlay} over {@code base}: two objects merge key by key (recursively); otherwise (a scalar, an array,
     * or no base) a copy of the overlay value replaces the base.
     */
    static JsonNode deepMerge(JsonNode base, JsonNode overlay) {
        if (base == null || !base.isObject() || !overlay.isObject()) {
            return overlay.deepCopy();
        }
        ObjectNode merged = (ObjectNode) base.deepCopy();
        for (Map.Entry<String, JsonNode> field : overlay.properties()) {
            merged.set(field.getKey(), deepMerge(merged.get(field.getKey()), field.getValue()));
        }
        return merged;
    }

    private static void appendAll(ObjectNode realm, String name, JsonNode additions) {
        requireArray(name, additions);
        ArrayNode target = arrayOf(realm, name);
        additions.forEach(element -> target.add(element.deepCopy()));
    }

    private static void mergeClients(ObjectNode realm, JsonNode overlayClients) {
        requireArray("clients", overlayClients);
        ArrayNode clients = arrayOf(realm, "clients");
        for (JsonNode overlayClient : overlayClients) {
            String clientId = overlayClient.path("clientId").asString(null);
            if (clientId == null) {
                throw new StackStartException("every client of the realm's dev overlay needs a clientId: " + overlayClient);
            }
            int index = indexOfClient(clients, clientId);
            if (index < 0) {
                clients.add(overlayClient.deepCopy());
            } else {
                clients.set(index, deepMerge(clients.get(index), overlayClient));
            }
        }
    }

    private static int indexOfClient(ArrayNode clients, String clientId) {
        for (int i = 0; i < clients.size(); i++) {
            if (clientId.equals(clients.get(i).path("clientId").asString(null))) {
                return i;
            }
        }
        return -1;
    }

    private static ArrayNode arrayOf(ObjectNode realm, String name) {
        JsonNode existing = realm.get(name);
        if (existing == null || existing.isNull()) {
            return realm.putArray(name);
        }
        requireArray(name, existing);
        return (ArrayNode) existing;
    }

    private static void requireArray(String name, JsonNode node) {
        if (!node.isArray()) {
            throw new StackStartException("'" + name + "' of a realm file must be an array");
        }
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new StackStartException("the realm file " + file + " is missing");
        }
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new StackStartException("the realm file " + file + " is not valid JSON: " + e.getMessage());
        }
    }
}
