package com.cycube.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ./cycube} launcher.
 *
 * <pre>
 * up [--only=a,b,...] [--in-memory] [--no-demo] [--random-ports] [--addresses-file=PATH]
 *                                     the whole stack (conventional or free ports), until Ctrl-C or SIGTERM
 * token &lt;email&gt; [password]           a seed user's access token from the running Keycloak (only the token on stdout)
 * </pre>
 */
public final class Main {

    private static final String KEYCLOAK_URL_VARIABLE = "CYCUBE_KEYCLOAK_URL";

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            switch (command) {
                case "up" -> up(rest);
                case "token" -> token(rest);
                case "help", "-h", "--help" -> System.out.print(usage());
                // for ./cycube: which subgraph jars `up` needs, one name per line
                case "subgraphs" -> subgraphs().names().forEach(System.out::println);
                default -> {
                    System.err.println("unknown command: " + command);
                    System.err.print(usage());
                    System.exit(2);
                }
            }
        } catch (StackStartException | IllegalArgumentException | IllegalStateException e) {
            System.err.println("[cycube] " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return """
                usage: ./cycube <command>

                  up [--only=COMPONENTS] [--in-memory] [--no-demo] [--random-ports] [--addresses-file=PATH]
                        Runs the whole supergraph on this machine until Ctrl-C (./cycube builds the jars first):
                        the embedded MongoDB-compatible store (kept in .cycube/data), Keycloak with the cycube realm,
                        every subgraph, Hive Router and the web console (web/dist, on http://localhost:5173).
                        Logs go to .cycube/logs.
                        --only=mongo,keycloak,identity   run only these components (mongo, keycloak, router, web and
                                                         subgraph names: %s)
                        --in-memory                      an empty store that is forgotten at exit
                        --no-demo                        skip the demo learning done once on a fresh store (the
                                                         seeded trainees enroll, read, answer, launch a lab)
                        --random-ports                   every component on a free port, logs and Keycloak's home
                                                         in a new temporary folder, the store in memory: a second
                                                         stack beside ./cycube up (the browser tests use it)
                        --addresses-file=PATH            once everything is ready (the demo learning included), write
                                                         every URL as JSON to PATH; removed at exit
                  token <email> [password]
                        Prints an access token of a seed user (password cycube-dev unless given) from the running
                        Keycloak (%s, or $%s), e.g. ./cycube token trainee@acme.test
                  help  This text.
                """.formatted(subgraphNamesForUsage(), "http://localhost:" + LocalStack.DEFAULT_KEYCLOAK_PORT,
                KEYCLOAK_URL_VARIABLE);
    }

    /** The subgraphs of the clone the launcher runs in ({@value Subgraphs#FILE}). */
    private static Subgraphs subgraphs() {
        return Subgraphs.read(LocalStack.findRepositoryRoot(Path.of("")));
    }

    private static String subgraphNamesForUsage() {
        try {
            return subgraphs().names().toString();
        } catch (StackStartException outsideAClone) {
            return "those of " + Subgraphs.FILE;
        }
    }

    private static void up(List<String> args) {
        Path root = LocalStack.findRepositoryRoot(Path.of(""));
        Path dotCycube = root.resolve(".cycube");
        LocalStackBuilder builder = LocalStack.builder()
                .repositoryRoot(root)
                .workDirectory(dotCycube)
                .persistentStore(dotCycube.resolve("data").resolve("mongo.mv"));
        boolean demo = true;
        Path addressesFile = null;
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                builder.only(Arrays.asList(arg.substring("--only=".length()).split(",")));
                demo = false;
            } else if (arg.equals("--in-memory")) {
                builder.inMemoryStore();
            } else if (arg.equals("--no-demo")) {
                demo = false;
            } else if (arg.equals("--random-ports")) {
                // nothing shared with a ./cycube up of the same clone: not its ports, its .cycube folder or its store
                builder.randomPorts().workDirectory(null).inMemoryStore();
            } else if (arg.startsWith("--addresses-file=") && arg.length() > "--addresses-file=".length()) {
                addressesFile = Path.of(arg.substring("--addresses-file=".length())).toAbsolutePath();
            } else {
                throw new IllegalArgumentException("unknown option for up: " + arg + System.lineSeparator() + usage());
            }
        }
        if (builder.randomPorts) {
            builder.inMemoryStore(); // whatever the order of the options
        }
        LocalStack stack = builder.build().start();
        System.out.println(summary(stack));
        if (demo) {
            new DemoActivity(stack, message -> System.out.println("[cycube] " + message)).run();
        }
        if (addressesFile != null) {
            writeAddresses(stack, addressesFile);
        }
        watch(stack);
    }

    /**
     * Every URL of the stack as JSON, for a program that started the launcher (the browser tests): written whole
     * (a temporary file moved into place) once the stack is ready, and deleted when the launcher exits.
     */
    static void writeAddresses(LocalStack stack, Path file) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(temporary, JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(addresses(stack)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // best effort at exit
                }
            }, "cycube-addresses-file-removal"));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the addresses file " + file, e);
        }
        System.out.println("[cycube] addresses written to " + file);
    }

    /** The stack's URLs by name; the console's is null when it is not served (web/dist not built). */
    static Map<String, Object> addresses(LocalStack stack) {
        Map<String, Object> addresses = new LinkedHashMap<>();
        addresses.put("consoleUrl", stack.isRunning(LocalStack.WEB) ? stack.consoleUrl() : null);
        addresses.put("routerUrl", stack.routerUrl());
        addresses.put("routerWsUrl", stack.routerWsUrl());
        addresses.put("keycloakUrl", stack.keycloakUrl());
        addresses.put("issuer", stack.issuerUri());
        addresses.put("tokenEndpoint", stack.tokenEndpoint());
        addresses.put("mailboxUrl", stack.mailboxUrl());
        addresses.put("mongoUrl", stack.mongoConnectionString());
        Map<String, String> subgraphs = new LinkedHashMap<>();
        stack.subgraphNames().forEach(name -> subgraphs.put(name, stack.subgraphUrl(name)));
        addresses.put("subgraphs", subgraphs);
        addresses.put("logDirectory", stack.logDirectory().toString());
        addresses.put("pid", ProcessHandle.current().pid());
        return addresses;
    }

    static String summary(LocalStack stack) {
        StringBuilder text = new StringBuilder(System.lineSeparator()).append("CyCube is up.").append(System.lineSeparator());
        if (stack.isRunning(LocalStack.WEB)) {
            line(text, "Web console", stack.consoleUrl() + "  (sign in as trainee@acme.test or manager@acme.test, password "
                    + Tokens.DEV_PASSWORD + ")");
        }
        if (stack.isRunning(LocalStack.ROUTER)) {
            line(text, "GraphQL API and IDE", stack.routerUrl());
        }
        if (stack.isRunning(LocalStack.KEYCLOAK)) {
            line(text, "Keycloak", stack.keycloakUrl() + "  (admin console " + stack.keycloakUrl()
                    + "/admin, user " + KeycloakServer.ADMIN_USERNAME + " / " + KeycloakServer.ADMIN_PASSWORD + ")");
            line(text, "OIDC issuer", stack.issuerUri());
        }
        for (String name : stack.subgraphNames()) {
            if (stack.isRunning(name)) {
                line(text, "subgraph " + name, stack.subgraphUrl(name));
            }
        }
        if (stack.isRunning(LocalStack.MONGO)) {
            line(text, "MongoDB store", stack.mongoConnectionString());
        }
        if (stack.isRunning(LocalStack.MAIL)) {
            line(text, "e-mail (caught)", stack.mailboxUrl() + "  (SMTP localhost:" + stack.smtpPort() + "; nothing is delivered)");
        }
        line(text, "logs", stack.logDirectory().toString());
        if (stack.isRunning(LocalStack.KEYCLOAK)) {
            line(text, "a token", "./cycube token trainee@acme.test   (seed users: see keycloak/README.md)");
        }
        return text.append("Ctrl-C stops everything.").toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-20s %s%n", label, value));
    }

    /** Keeps the launcher alive (Ctrl-C runs the stack's shutdown hook) and reports children that exit on their own. */
    private static void watch(LocalStack stack) {
        Set<Long> reported = new HashSet<>();
        while (true) {
            for (ManagedProcess process : stack.exitedProcesses()) {
                if (reported.add(process.pid())) {
                    System.err.println("[cycube] " + process.name() + " exited with code "
                            + process.exitCode().orElse(-1) + "; see " + process.logFile());
                }
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void token(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw new IllegalArgumentException("usage: ./cycube token <email> [password]");
        }
        String keycloak = System.getenv().getOrDefault(KEYCLOAK_URL_VARIABLE,
                "http://localhost:" + LocalStack.DEFAULT_KEYCLOAK_PORT).replaceAll("/+$", "");
        String tokenEndpoint = keycloak + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token";
        String password = args.size() == 2 ? args.get(1) : Tokens.DEV_PASSWORD;
        System.out.println(new Tokens(tokenEndpoint).password(args.get(0), password));
    }
}
