package com.cycube.devstack;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web console ({@code web/dist}, the Vite build) served as production would serve it, on loopback: the files with
 * their content types; any other path without the extension of a file type answered with {@code index.html} (the
 * console's router owns those URLs); {@code /assets/*} cached for a year (their names carry a content hash), {@code index.html} and
 * {@code /config.json} never cached; security headers on every answer; and {@code /config.json} written from this
 * stack's addresses, so one build runs against any stack (ADR 0025).
 *
 * <p>The Content-Security-Policy allows scripts, styles and everything else only from the console's own origin, and
 * connections only to it, the router (HTTP and WebSocket) and Keycloak: a script injected into a page could neither
 * load more code nor send a token anywhere else.
 */
public final class WebConsole implements AutoCloseable {

    /** The Vite build, relative to the repository root. */
    public static final String DIST = "web/dist";
    /** The console's client in the cycube realm (authorization code + PKCE). */
    public static final String OIDC_CLIENT_ID = "cycube-web";
    /** How to build {@link #DIST} when it is missing. */
    public static final String BUILD_COMMAND = "./mvnw -q -B -DskipTests -pl web -am package"
            + "   (or: npm --prefix web ci && npm --prefix web run build)";

    static final String CONFIG_PATH = "/config.json";
    static final String ASSETS_PREFIX = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NEVER_CACHE = "no-store";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("avif", "image/avif"),
            Map.entry("webmanifest", "application/manifest+json"));

    /**
     * What the console is told at start-up ({@code web/src/config.ts}).
     *
     * @param graphqlUrl    the router's GraphQL endpoint over HTTP
     * @param graphqlWsUrl  the same endpoint over WebSocket
     * @param oidcAuthority the OpenID Connect issuer
     * @param oidcClientId  the console's public client
     */
    public record Config(String graphqlUrl, String graphqlWsUrl, String oidcAuthority, String oidcClientId) {

        /** The configuration for a stack's router and Keycloak issuer. */
        static Config of(StackAddresses addresses) {
            return new Config(addresses.routerUrl(), addresses.routerWsUrl(), addresses.issuerUri(), OIDC_CLIENT_ID);
        }

        String json() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("graphqlUrl", graphqlUrl);
            fields.put("graphqlWsUrl", graphqlWsUrl);
            fields.put("oidcAuthority", oidcAuthority);
            fields.put("oidcClientId", oidcClientId);
            return JSON.writeValueAsString(fields);
        }
    }

    private final Path root;
    private final Path realRoot;
    private final HttpServer server;
    private final ExecutorService workers;
    private final byte[] configJson;
    private final String contentSecurityPolicy;

    private WebConsole(Path root, HttpServer server, ExecutorService workers, Config config) {
        this.root = root;
        this.realRoot = realPath(root);
        this.server = server;
        this.workers = workers;
        this.configJson = config.json().getBytes(StandardCharsets.UTF_8);
        this.contentSecurityPolicy = contentSecurityPolicy(config);
    }

    /**
     * Serves {@code dist} on {@code port} of the loopback interface (0: a free one).
     *
     * @throws StackStartException when {@code dist} holds no {@code index.html} (it says how to build it)
     */
    public static WebConsole start(Path dist, int port, Config config) {
        Path root = dist.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            throw new StackStartException(missingBuildMessage(root));
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new StackStartException("cannot serve the web console on port " + port + ": " + e.getMessage(), e);
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "cycube-web-console-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        WebConsole console = new WebConsole(root, server, workers, config);
        server.createContext("/", console::serve);
        server.setExecutor(workers);
        server.start();
        return console;
    }

    /** Whether {@code dist} holds a build to serve. */
    public static boolean isBuilt(Path dist) {
        return Files.isRegularFile(dist.resolve("index.html"));
    }

    static String missingBuildMessage(Path dist) {
        return "the web console is not built (" + dist.resolve("index.html") + " is missing); build it with "
                + BUILD_COMMAND;
    }

    /**
     * {@code default-src 'self'} and nothing inline; connections only to the console itself ({@code /config.json}), the
     * router (HTTP and WebSocket origins) and Keycloak; no frames, never framed (the sign-in must not be click-jacked).
     * The same policy as the production image's ({@code web/nginx/templates/conf.d/security-headers.inc.template}).
     */
    static String contentSecurityPolicy(Config config) {
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                // 'self': the console's own /config.json
                "connect-src 'self' " + origin(config.graphqlUrl()) + " " + origin(config.graphqlWsUrl()) + " "
                        + origin(config.oidcAuthority()),
                "frame-src 'none'",
                "frame-ancestors 'none'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'");
    }

    /** {@code http://localhost:4000/graphql} → {@code http://localhost:4000}. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://localhost:<port>}: the origin the browser sees, which Keycloak and the router's CORS allow. */
    public String url() {
        return "http://localhost:" + port();
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ serving

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            securityHeaders(exchange.getResponseHeaders());
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", NEVER_CACHE, "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath(); // percent-decoded: %2e%2e is checked as ..
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            if (path.equals(CONFIG_PATH)) {
                send(exchange, 200, CONTENT_TYPES.get("json"), NEVER_CACHE, configJson);
                return;
            }
            Optional<Path> file = resolve(path);
            if (file.isPresent()) {
                send(exchange, 200, contentType(file.get()), cacheControl(path), Files.readAllBytes(file.get()));
            } else if (isClientRoute(path)) {
                send(exchange, 200, CONTENT_TYPES.get("html"), NEVER_CACHE, Files.readAllBytes(root.resolve("index.html")));
            } else {
                send(exchange, 404, "text/plain; charset=utf-8", NEVER_CACHE, "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The regular file under the root that a (decoded) request path names, if any. Refuses anything that could leave
     * the root: a {@code ..} or {@code .} segment, a backslash, a NUL, or a link pointing outside.
     */
    Optional<Path> resolve(String path) {
        if (!path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        String relative = path.substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.empty();
            }
        }
        if (relative.isEmpty() || relative.endsWith("/")) {
            return Optional.empty(); // a folder: the client route (index.html) answers
        }
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root) || !Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath(); // a link inside the build must not lead out of it
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException goneMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * One of the console's own pages (vue-router's history mode): a path whose last segment has no extension of a file
     * type the build holds. So {@code /courses/course-linux} and {@code /verify/<id>.<signature>} (a certificate's code)
     * are pages, {@code /assets/gone-1a2b.js} and {@code /robots.txt} are missing files.
     */
    static boolean isClientRoute(String path) {
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.contains("/../") || path.endsWith("/..")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 || !CONTENT_TYPES.containsKey(last.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static String cacheControl(String path) {
        if (path.startsWith(ASSETS_PREFIX)) {
            return IMMUTABLE; // hashed names: a new build has new names
        }
        return path.equals("/index.html") ? NEVER_CACHE : "no-cache";
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private void securityHeaders(Headers headers) {
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                + "microphone=(), payment=(), usb=()");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String cacheControl, byte[] body)
            throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("Cache-Control", cacheControl);
        if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
