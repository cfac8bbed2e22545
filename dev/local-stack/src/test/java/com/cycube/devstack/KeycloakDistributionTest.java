package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakDistributionTest {

    @TempDir
    Path dir;

    @Test
    void unzips_without_the_top_folder_and_makes_scripts_executable() throws IOException {
        Path zip = zip(Map.of(
                "keycloak-26.7.3/bin/kc.sh", "#!/bin/sh\necho kc\n",
                "keycloak-26.7.3/lib/quarkus-run.jar", "jar",
                "keycloak-26.7.3/conf/keycloak.conf", "# conf\n"));

        KeycloakDistribution.unzipStrippingTopFolder(zip, dir.resolve("home"));

        assertThat(dir.resolve("home/bin/kc.sh")).isExecutable().hasContent("#!/bin/sh\necho kc");
        assertThat(dir.resolve("home/lib/quarkus-run.jar")).exists();
        assertThat(dir.resolve("home/conf/keycloak.conf")).exists();
    }

    @Test
    void refuses_entries_that_escape_the_target_folder() throws IOException {
        Path zip = zip(Map.of("keycloak-26.7.3/../../evil.sh", "boom"));

        assertThatThrownBy(() -> KeycloakDistribution.unzipStrippingTopFolder(zip, dir.resolve("home")))
                .hasMessageContaining("outside the target folder");
        assertThat(dir.resolve("evil.sh")).doesNotExist();
    }

    @Test
    void downloads_and_checks_the_published_sha1() throws Exception {
        byte[] content = "the distribution".getBytes(StandardCharsets.UTF_8);
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        HttpServer server = serve(Map.of("/dist.zip", content, "/dist.zip.sha1", sha1.getBytes(StandardCharsets.UTF_8),
                "/bad.zip", content, "/bad.zip.sha1", "0000".getBytes(StandardCharsets.UTF_8)));
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path target = dir.resolve("downloads/dist.zip");

            KeycloakDistribution.download(URI.create(base + "/dist.zip"), target);
            assertThat(target).hasBinaryContent(content);

            Path bad = dir.resolve("downloads/bad.zip");
            assertThatThrownBy(() -> KeycloakDistribution.download(URI.create(base + "/bad.zip"), bad))
                    .hasMessageContaining("checksum mismatch");
            assertThat(bad).doesNotExist();
            assertThat(dir.resolve("downloads/bad.zip.part")).doesNotExist();
        } finally {
            server.stop(0);
        }
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path zip = dir.resolve("dist.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static HttpServer serve(Map<String, byte[]> files) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.forEach((path, body) -> server.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }));
        server.start();
        return server;
    }
}
