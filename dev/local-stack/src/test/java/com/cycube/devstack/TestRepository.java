package com.cycube.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the clone the stack reads, copied into a test's own folder. */
final class TestRepository {

    /** The clone these tests run in. */
    static final Path REAL = LocalStack.findRepositoryRoot(Path.of(""));

    private TestRepository() {
    }

    /** Puts the clone's real {@value Subgraphs#FILE} into {@code repo}; returns {@code repo}. */
    static Path withSubgraphList(Path repo) throws IOException {
        Path list = repo.resolve(Subgraphs.FILE);
        Files.createDirectories(list.getParent());
        Files.copy(REAL.resolve(Subgraphs.FILE), list);
        return repo;
    }
}
