package com.cycube.devstack.host;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stack's subgraph host (ADR 26): runs several subgraphs in <em>one</em> JVM, each a Spring Boot application
 * in its own application context, on its own port, with its own class loader and its own environment variables —
 * so that eight subgraphs fit a laptop's memory and start in one JVM's time. Production runs one service per subgraph;
 * only {@code ./cycube up}, the end-to-end tests and the benchmark use this.
 *
 * <p>The third-party libraries all subgraphs share (Spring, DGS, the MongoDB driver, …, identical versions from the
 * one parent POM) are on this JVM's class path, loaded once and class-data shared; each subgraph's own classes and the
 * project's libraries (the support module, which keeps state in static fields) are in a child class loader of its
 * own. Every line a subgraph writes goes to its own log file (by the thread's context class loader).
 *
 * <p>Runs with the JDK only: the launcher ({@code SubgraphHostProcess}) writes this class out and starts
 * {@code java -cp <host classes>:<shared libraries> com.cycube.devstack.host.SubgraphHost <spec file>}. The spec is a
 * properties file: {@code apps} (names, in start order), {@code parallel}, {@code control.port}, and per app
 * {@code app.<name>.classpath} (path-separated), {@code app.<name>.main}, {@code app.<name>.log} and
 * {@code app.<name>.env.<VARIABLE>}. The control port (loopback) answers {@code POST /stop/<name>}: that subgraph's
 * context is closed (so a test can stop one subgraph; the launcher then runs it as a process of its own).
 *
 * <p>Everything Spring is reached by reflection, through the subgraph's class loader: this class must not link
 * against anything outside the JDK.
 */
public final class SubgraphHost {

    /** The classes of this host (the launcher writes exactly these out). */
    public static final List<String> CLASSES = List.of(SubgraphHost.class.getName(),
            SubgraphHost.class.getName() + "$App", SubgraphHost.class.getName() + "$Output");

    private final Map<String, App> apps = new LinkedHashMap<>();
    private final Output output;

    private SubgraphHost(Output output) {
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SubgraphHost <spec.properties>");
            System.exit(2);
        }
        Properties spec = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            spec.load(in);
        }
        Output output = new Output(System.out);
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(output, true, StandardCharsets.UTF_8));
        SubgraphHost host = new SubgraphHost(output);
        for (String name : spec.getProperty("apps").split(",")) {
            host.apps.put(name, App.of(name, spec));
        }
        host.serveControl(Integer.parseInt(spec.getProperty("control.port")));
        host.startAll(Integer.parseInt(spec.getProperty("parallel", "1")));
    }

    /**
     * Starts every app, {@code parallel} at a time (the launcher asks for one: see {@code SubgraphHostProcess}); the
     * first that fails stops the whole host (exit code 1).
     */
    private void startAll(int parallel) {
        ExecutorService starting = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "subgraph-host-start");
            thread.setDaemon(true);
            return thread;
        });
        for (App app : apps.values()) {
            starting.submit(() -> {
                try {
                    app.start(output);
                    log(app.name + " started");
                } catch (Throwable failure) {
                    Throwable cause = failure instanceof InvocationTargetException invocation ? invocation.getCause() : failure;
                    app.print(stackTrace(cause));
                    log(app.name + " failed to start: " + cause + " (its log has the whole story)");
                    Runtime.getRuntime().halt(1);
                }
            });
        }
        starting.shutdown();
    }

    private void serveControl(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        server.createContext("/stop/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/stop/".length());
            App app = apps.get(name);
            if (!"POST".equals(exchange.getRequestMethod()) || app == null) {
                answer(exchange, 404, "no such subgraph here: " + name);
                return;
            }
            try {
                app.stop();
                log(name + " stopped");
                answer(exchange, 200, "stopped " + name);
            } catch (Exception e) {
                answer(exchange, 500, e.toString());
            }
        });
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "subgraph-host-control");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void log(String line) {
        // the host's own lines: this thread's context class loader is not a subgraph's, so they reach the host log
        System.out.println(Instant.now() + " [subgraph-host] " + line);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** One subgraph: its class loader, its Spring Boot application and, while it runs, its context. */
    static final class App {
        final String name;
        final String mainClass;
        final URL[] classpath;
        final Map<String, Object> environment;
        final PrintStream log;
        private volatile URLClassLoader loader;
        private volatile Object context;

        private App(String name, String mainClass, URL[] classpath, Map<String, Object> environment, PrintStream log) {
            this.name = name;
            this.mainClass = mainClass;
            this.classpath = classpath;
            this.environment = environment;
            this.log = log;
        }

        static App of(String name, Properties spec) throws IOException {
            String prefix = "app." + name + ".";
            List<URL> urls = new ArrayList<>();
            for (String entry : spec.getProperty(prefix + "classpath").split(java.io.File.pathSeparator)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
            // the subgraph sees the host's real environment overlaid with its own variables, as a process would
            Map<String, Object> environment = new LinkedHashMap<>(System.getenv());
            String envPrefix = prefix + "env.";
            for (String key : spec.stringPropertyNames()) {
                if (key.startsWith(envPrefix)) {
                    environment.put(key.substring(envPrefix.length()), spec.getProperty(key));
                }
            }
            PrintStream log = new PrintStream(new FileOutputStream(spec.getProperty(prefix + "log"), true), true,
                    StandardCharsets.UTF_8);
            return new App(name, spec.getProperty(prefix + "main"), urls.toArray(URL[]::new), environment, log);
        }

        void print(String text) {
            log.print(text);
            log.flush();
        }

        /** Runs {@code SpringApplication} with this subgraph's environment on a thread of its class loader. */
        void start(Output output) throws Exception {
            URLClassLoader appLoader = new URLClassLoader("subgraph-" + name, classpath, SubgraphHost.class.getClassLoader());
            loader = appLoader;
            output.route(appLoader, log);
            Thread current = Thread.currentThread();
            ClassLoader previous = current.getContextClassLoader();
            current.setContextClassLoader(appLoader);
            String previousName = current.getName();
            current.setName(name + "-main");
            try {
                Class<?> main = Class.forName(mainClass, true, appLoader);
                Class<?> springApplication = Class.forName("org.springframework.boot.SpringApplication", true, appLoader);
                Class<?> resourceLoader = Class.forName("org.springframework.core.io.ResourceLoader", true, appLoader);
                Object resources = Class.forName("org.springframework.core.io.DefaultResourceLoader", true, appLoader)
                        .getConstructor(ClassLoader.class).newInstance(appLoader);
                // with a resource loader of the subgraph's class loader, Spring Boot reads spring.factories (the support
                // module's environment post-processors) through it rather than through its own, the host's, loader
                Object application = springApplication.getConstructor(resourceLoader, Class[].class)
                        .newInstance(resources, new Class<?>[]{main});
                springApplication.getMethod("setEnvironment",
                        Class.forName("org.springframework.core.env.ConfigurableEnvironment", true, appLoader))
                        .invoke(application, environment(appLoader));
                context = springApplication.getMethod("run", String[].class).invoke(application, (Object) new String[0]);
            } finally {
                current.setName(previousName);
                current.setContextClassLoader(previous);
            }
        }

        /**
         * The environment a Spring Boot servlet application creates for itself, with the system environment replaced
         * by this subgraph's variables (relaxed binding of {@code SPRING_MONGODB_URI} etc. as in a process of its own).
         */
        private Object environment(ClassLoader appLoader) throws Exception {
            Object environment;
            try {
                Constructor<?> servlet = Class.forName(
                        "org.springframework.boot.web.context.servlet.ApplicationServletEnvironment", true, appLoader)
                        .getDeclaredConstructor();
                servlet.setAccessible(true);
                environment = servlet.newInstance();
            } catch (ClassNotFoundException | NoSuchMethodException notThisSpringBoot) {
                environment = Class.forName("org.springframework.core.env.StandardEnvironment", true, appLoader)
                        .getConstructor().newInstance();
            }
            Object sources = environment.getClass().getMethod("getPropertySources").invoke(environment);
            Class<?> propertySource = Class.forName("org.springframework.core.env.PropertySource", true, appLoader);
            Object variables = Class.forName("org.springframework.core.env.SystemEnvironmentPropertySource", true, appLoader)
                    .getConstructor(String.class, Map.class)
                    .newInstance("systemEnvironment", Map.copyOf(this.environment));
            sources.getClass().getMethod("replace", String.class, propertySource)
                    .invoke(sources, "systemEnvironment", variables);
            return environment;
        }

        /** Closes the context (web server, change-stream threads, connections) and the class loader. */
        void stop() throws Exception {
            Object running = context;
            context = null;
            if (running != null) {
                running.getClass().getMethod("close").invoke(running);
            }
            URLClassLoader appLoader = loader;
            loader = null;
            if (appLoader != null) {
                appLoader.close();
            }
        }
    }

    /**
     * The host's standard output and error: each write goes to the log of the subgraph whose class loader is the
     * writing thread's context class loader (or an ancestor of it: Tomcat's threads use a child loader of the
     * subgraph's), anything else to the host's own output.
     */
    static final class Output extends OutputStream {
        private final PrintStream host;
        private final Map<ClassLoader, PrintStream> logs = new ConcurrentHashMap<>();

        Output(PrintStream host) {
            this.host = host;
        }

        void route(ClassLoader loader, PrintStream log) {
            logs.put(loader, log);
        }

        private PrintStream target() {
            for (ClassLoader loader = Thread.currentThread().getContextClassLoader(); loader != null;
                 loader = loader.getParent()) {
                PrintStream log = logs.get(loader);
                if (log != null) {
                    return log;
                }
            }
            return host;
        }

        @Override
        public void write(int b) {
            target().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            target().write(bytes, offset, length);
        }

        @Override
        public void flush() {
            host.flush();
            logs.values().forEach(PrintStream::flush);
        }
    }
}
