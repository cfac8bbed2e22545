package com.cycube.e2e;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.OtlpReceiver;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for the whole test run: embedded store, Keycloak, every subgraph and the router, on
 * random ports; stopped when the run ends. Test classes take it as a parameter. Every span of the run — the router
 * samples every request — is exported to one OTLP receiver in this JVM ({@link #traces()}), as production exports
 * to a collector.
 */
public class RunningStack implements ParameterResolver {

    private static final OtlpReceiver TRACES = OtlpReceiver.start();

    /** The spans the router and the subgraphs of the running stack exported. */
    public static OtlpReceiver traces() {
        return TRACES;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(LocalStack.class.getName(), key -> new Closeable(start()), Closeable.class).stack();
    }

    private static LocalStack start() {
        Path root = Path.of(System.getProperty("cycube.repository.root", "../.."));
        return LocalStack.builder().repositoryRoot(root).randomPorts().inMemoryStore()
                .routerSetting("TELEMETRY_TRACING_SAMPLING_RATE", "1.0")
                .routerSetting("OTEL_EXPORTER_OTLP_ENDPOINT", TRACES.endpoint())
                .subgraphSetting("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", TRACES.endpoint())
                .subgraphSetting("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms")
                .build().start();
    }

    private record Closeable(LocalStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
