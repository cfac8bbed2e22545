package com.cycube.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;

/**
 * Builds a tiny runnable jar that behaves like a subgraph to the local stack: it listens on SERVER_PORT, answers
 * {@code /actuator/health/readiness}, and prints its environment at {@code /env}. A file named {@code fail} beside
 * the jar makes it exit at once, as a broken subgraph would.
 */
final class FakeSubgraphJar {

    private static final String SOURCE = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.*;
            import java.util.stream.Collectors;

            public class FakeSubgraph {
                public static void main(String[] args) throws Exception {
                    if (Files.exists(Path.of("fail"))) {
                        System.out.println("fake subgraph: refusing to start (a file named fail is here)");
                        System.exit(3);
                    }
                    int port = Integer.parseInt(System.getenv("SERVER_PORT"));
                    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                    server.createContext("/actuator/health/readiness", exchange -> {
                        byte[] body = "{\\"status\\":\\"UP\\"}".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.createContext("/env", exchange -> {
                        byte[] body = System.getenv().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("\\n")).getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                    System.out.println("fake subgraph listening on " + port);
                }
            }
            """;

    private FakeSubgraphJar() {
    }

    /** Writes {@code subgraphs/<name>/target/<name>-0.1.0-SNAPSHOT-exec.jar} under {@code repositoryRoot}. */
    static Path write(Path repositoryRoot, String name, Path scratch) throws IOException {
        Path sources = Files.createDirectories(scratch.resolve("fake-src"));
        Path classes = Files.createDirectories(scratch.resolve("fake-classes"));
        Path source = sources.resolve("FakeSubgraph.java");
        Files.writeString(source, SOURCE);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("cannot compile the fake subgraph");
        }
        Path jar = repositoryRoot.resolve("subgraphs").resolve(name).resolve("target")
                .resolve(name + "-0.1.0-SNAPSHOT-exec.jar");
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeSubgraph");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path classFile : List.of(classes.resolve("FakeSubgraph.class"))) {
                out.putNextEntry(new JarEntry(classFile.getFileName().toString()));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        }
        return jar;
    }
}
