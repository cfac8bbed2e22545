package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the subgraph host's class paths are made from the subgraphs' runnable jars (ADR 26). */
class SubgraphHostProcessTest {

    @TempDir
    Path scratch;

    @Test
    void a_subgraphs_own_classes_and_the_projects_libraries_go_to_its_own_loader_and_the_rest_is_shared() throws IOException {
        Path jar = runnableJar("labs", Map.of(
                "BOOT-INF/classes/com/cycube/labs/LabsApplication.class", "labs",
                "BOOT-INF/classes/application.yaml", "spring.application.name: labs",
                "BOOT-INF/lib/cycube-subgraph-support-0.1.0-SNAPSHOT.jar", "support",
                "BOOT-INF/lib/spring-core-7.0.8.jar", "spring"));
        Set<Path> shared = new LinkedHashSet<>();

        List<Path> own = SubgraphHostProcess.extract(jar, scratch.resolve("work/labs"), scratch.resolve("cache/lib"), shared);

        assertThat(own).containsExactly(scratch.resolve("work/labs/classes"),
                scratch.resolve("work/labs/cycube-subgraph-support-0.1.0-SNAPSHOT.jar"));
        assertThat(scratch.resolve("work/labs/classes/application.yaml")).hasContent("spring.application.name: labs");
        assertThat(shared).singleElement().satisfies(library -> {
            assertThat(library.getFileName().toString()).isEqualTo(crc("spring") + "-spring-core-7.0.8.jar");
            assertThat(library).hasContent("spring");
        });
    }

    @Test
    void the_same_library_of_two_subgraphs_is_one_file_and_a_changed_one_another() throws IOException {
        Path identity = runnableJar("identity", Map.of("BOOT-INF/lib/spring-core-7.0.8.jar", "spring"));
        Path catalog = runnableJar("catalog", Map.of("BOOT-INF/lib/spring-core-7.0.8.jar", "spring"));
        Path rebuilt = runnableJar("training", Map.of("BOOT-INF/lib/spring-core-7.0.8.jar", "spring, patched"));
        Set<Path> shared = new LinkedHashSet<>();

        SubgraphHostProcess.extract(identity, scratch.resolve("work/identity"), scratch.resolve("cache/lib"), shared);
        SubgraphHostProcess.extract(catalog, scratch.resolve("work/catalog"), scratch.resolve("cache/lib"), shared);
        assertThat(shared).hasSize(1);

        SubgraphHostProcess.extract(rebuilt, scratch.resolve("work/training"), scratch.resolve("cache/lib"), shared);
        assertThat(shared).hasSize(2);
    }

    @Test
    void an_entry_that_would_leave_its_folder_is_refused() throws IOException {
        Path jar = runnableJar("evil", Map.of("BOOT-INF/classes/../../outside.txt", "nope"));

        assertThatThrownBy(() -> SubgraphHostProcess.extract(jar, scratch.resolve("work/evil"),
                scratch.resolve("cache/lib"), new LinkedHashSet<>()))
                .isInstanceOf(StackStartException.class).hasMessageContaining("outside its folder");
        assertThat(scratch.resolve("work/outside.txt")).doesNotExist();
    }

    private Path runnableJar(String name, Map<String, String> entries) throws IOException {
        Path jar = scratch.resolve(name + "-exec.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String crc(String content) {
        CRC32 crc = new CRC32();
        crc.update(content.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
