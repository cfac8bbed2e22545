package com.cycube.devstack.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every line a subgraph in the host writes reaches its own log, whichever of its threads writes it. */
class SubgraphHostOutputTest {

    private final ByteArrayOutputStream host = new ByteArrayOutputStream();
    private final ByteArrayOutputStream labsLog = new ByteArrayOutputStream();
    private final SubgraphHost.Output output = new SubgraphHost.Output(new PrintStream(host, true, StandardCharsets.UTF_8));
    private final URLClassLoader labs = new URLClassLoader("subgraph-labs", new URL[0], getClass().getClassLoader());

    @Test
    void a_thread_of_a_subgraphs_class_loader_or_of_a_child_of_it_writes_to_that_subgraphs_log() throws Exception {
        output.route(labs, new PrintStream(labsLog, true, StandardCharsets.UTF_8));
        // Tomcat's request threads run with a class loader of its own whose parent is the subgraph's
        URLClassLoader tomcat = new URLClassLoader("webapp", new URL[0], labs);

        writeFrom(labs, "labs started\n");
        writeFrom(tomcat, "a request\n");
        writeFrom(getClass().getClassLoader(), "the host's own line\n");

        assertThat(labsLog.toString(StandardCharsets.UTF_8)).isEqualTo("labs started\na request\n");
        assertThat(host.toString(StandardCharsets.UTF_8)).isEqualTo("the host's own line\n");
    }

    private void writeFrom(ClassLoader contextLoader, String text) throws InterruptedException {
        Thread writer = new Thread(() -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            output.write(bytes, 0, bytes.length);
            output.flush();
        });
        writer.setContextClassLoader(contextLoader);
        writer.start();
        writer.join();
    }
}
