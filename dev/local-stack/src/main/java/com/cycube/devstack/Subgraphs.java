package com.cycube.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subgraphs of the supergraph, read from the one list of them: {@value #FILE} (name, routing URL, schema folder),
 * the same file the schema is composed from. Its order is the start order, and the port of each routing URL is the
 * subgraph's conventional port. Adding a subgraph there adds it to the local stack.
 */
public record Subgraphs(List<Subgraph> all) {

    /** Relative to the repository root. */
    public static final String FILE = "schema/subgraphs.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Subgraphs {
        all = List.copyOf(all);
    }

    /** The list of the clone at {@code repositoryRoot}. */
    public static Subgraphs read(Path repositoryRoot) {
        Path file = repositoryRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new StackStartException("the list of subgraphs " + file + " is missing");
        }
        try {
            return parse(Files.readString(file));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            throw new StackStartException("cannot read the list of subgraphs " + file + ": " + e.getMessage(), e);
        }
    }

    static Subgraphs parse(String json) {
        List<Subgraph> subgraphs = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(json).path("subgraphs")) {
            String name = entry.path("name").asString();
            URI url = URI.create(entry.path("url").asString());
            if (name.isBlank() || url.getPort() < 0) {
                throw new IllegalArgumentException("every subgraph needs a name and a url with a port: " + entry);
            }
            subgraphs.add(new Subgraph(name, url.getPort()));
        }
        return new Subgraphs(subgraphs);
    }

    public List<String> names() {
        return all.stream().map(Subgraph::name).toList();
    }

    public Subgraph named(String name) {
        return all.stream()
                .filter(subgraph -> subgraph.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no subgraph named '" + name + "'; known: " + names()));
    }
}
