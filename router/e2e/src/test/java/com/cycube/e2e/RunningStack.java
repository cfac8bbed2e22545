package com.cycube.e2e;

import com.cycube.devstack.LocalStack;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stack for the whole test run: embedded store, Keycloak, every subgraph and the router, on
 * random ports; stopped when the run ends. Test classes take it as a parameter.
 */
public class RunningStack implements ParameterResolver {

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
        return LocalStack.builder().repositoryRoot(root).randomPorts().inMemoryStore().build().start();
    }

    private record Closeable(LocalStack stack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stack.close();
        }
    }
}
