package com.cycube.benchmark;

import com.cycube.audit.AuditIndexes;
import com.cycube.audit.AuditProperties;
import com.cycube.audit.checkpoints.CheckpointDocument;
import com.cycube.audit.checkpoints.CheckpointSigner;
import com.cycube.audit.checkpoints.CheckpointStore;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.TrailStore;
import com.cycube.devstack.LocalStack;
import com.cycube.devstack.LocalStackBuilder;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.DomainEvent;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13, "Speed": the audit subgraph's ingest rate and its reads over one organization's long chain, on a stack of
 * its own ({@link #configure}).
 * <ol>
 *   <li><b>ingest</b>: {@code ingest} generated {@code audit.Recorded} events of org-bench, and one for org-globex after
 *       every tenth, are appended to the shared event log as the subgraphs' outbox relays put them there
 *       ({@link EventFeed}, waves of {@value #WAVE}); timed from each wave's first append until the {@code audit.trail}
 *       group's backlog (what {@code cycube_events_backlog} reports) is empty; then org-bench's chain head must be at
 *       {@code ingest} and root's {@code verifyAuditTrail} of it intact;</li>
 *   <li><b>a long chain</b>: {@code records} records of org-acme are written straight into audit's database in bulk
 *       inserts of {@value #BATCH} — appending them through the event log would take hours here — with the audit
 *       module's own code: {@link AuditIndexes} first (the indexes the subgraph made at its start, idempotent), each
 *       record an {@link AuditEventDocument} linked by {@link AuditEventDocument#chained} (seq, prevHash, its
 *       {@code ChainHash}) after the chain's current head, the head moved to the last one, and a checkpoint per day
 *       signed by {@link CheckpointSigner} with the dev key the local stack's audit subgraph uses. A real, valid chain
 *       that verification walks like any other. Variety: 16 actions with their resource types, outcomes (88 %
 *       SUCCESS, 7 % DENIED, 5 % FAILURE), 2,000 people and 20 integration clients, 500 client addresses, times
 *       spread evenly over 400 days (append time a few hundred ms after);</li>
 *   <li><b>reads</b> through the router as org-acme's manager, closed loop with {@code connections} workers (one token
 *       each), arms interleaved ({@link #measure}: as {@link InterleavedLoad}, with long timeouts): a filtered
 *       {@code auditEvents} page (action, outcome and a 30-day period, first 50, with {@code totalCount}), a page by
 *       one actor, and {@code verifyAuditTrail} of one day; then {@code verifyAuditTrail} of the whole chain,
 *       {@code verifications} times one after another: each in steps (a call checks at most the audit subgraph's
 *       {@code cycube.audit.verification} budget and answers a cursor to continue from), each step's duration and each
 *       whole walk's. Every read is itself recorded in the trail (the chain keeps growing by the reads);</li>
 *   <li>the memory of the audit subgraph (and the others of the stack) at rest and after, and the benchmark JVM's heap
 *       holding the embedded store.</li>
 * </ol>
 * Options (in {@link RouterBenchmark}): {@code --audit=1} (0 skips the part), {@code --audit-ingest=20000},
 * {@code --audit-records=1000000}, {@code --audit-connections=2}, {@code --audit-verifications=3};
 * {@code --seconds} and {@code --rounds} as for the other parts.
 */
final class AuditTrailLoad {

    static final String ORGANIZATION = "org-acme";
    static final String MANAGER = "manager@acme.test";
    static final String ROOT = "root@cycube.local";
    static final String INGEST_ORGANIZATION = "org-bench";
    static final String OTHER_ORGANIZATION = "org-globex";
    private static final String GROUP = "audit.trail";
    private static final String DATABASE = "cycube-audit";
    private static final int WAVE = 2_000;
    private static final int BATCH = 5_000;
    private static final int PEOPLE = 2_000;
    private static final int CLIENTS = 20;
    private static final int ADDRESSES = 500;
    private static final Duration SPREAD = Duration.ofDays(400);
    private static final long HEAP_PER_RECORD = 4_600;
    private static final long HEAP_HEADROOM_MIB = 1_200;
    /** How long a whole-chain verification may take through the router (its configuration copy says the same). */
    private static final Duration LONG_CALL = Duration.ofMinutes(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BACKLOG = Pattern.compile(
            "^cycube_events_backlog\\{[^}]*group=\"" + Pattern.quote(GROUP) + "\"[^}]*}\\s+(\\S+)", Pattern.MULTILINE);

    static final String EVENTS_PAGE = """
            query AuditPage($filter: AuditEventFilter, $first: Int) {
              auditEvents(filter: $filter, first: $first) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { node { id time actor actorKind action resourceType resourceId outcome errorCode clientIp seq hash } }
              }
            }""";
    static final String VERIFY = """
            query Verify($organizationId: ID, $from: DateTime, $to: DateTime, $after: String) {
              verifyAuditTrail(organizationId: $organizationId, from: $from, to: $to, after: $after) {
                organizationId intact checkedRecords complete cursor firstProblem { seq kind detail }
              }
            }""";

    /** action, resource type, the change it may carry: what the generated records do. */
    private record Action(String action, String resourceType, String change, String[] values, int weight) {
    }

    private static final List<Action> ACTIONS = List.of(
            new Action("mutation.enroll", "Enrollment", null, null, 18),
            new Action("mutation.completeCube", "Enrollment", null, null, 16),
            new Action("mutation.submitAnswer", "Question", null, null, 14),
            new Action("mutation.startLab", "Lab", null, null, 8),
            new Action("mutation.stopLab", "Lab", null, null, 6),
            new Action("mutation.extendLab", "Lab", "minutes", new String[] {"15", "30", "60"}, 3),
            new Action("mutation.assignCourse", "Course", null, null, 5),
            new Action("mutation.addTeamMember", "Team", null, null, 3),
            new Action("mutation.changeMemberRole", "User", "role", new String[] {"TRAINEE", "MANAGER"}, 1),
            new Action("mutation.setUserActive", "User", "active", new String[] {"true", "false"}, 1),
            new Action("mutation.publishCourse", "Course", null, null, 2),
            new Action("query.adminReport", "Organization", null, null, 2),
            new Action("read.learningReport", "User", null, null, 6),
            new Action("read.auditEvents", "AuditTrail", null, null, 2),
            new Action("auth.login.success", "User", null, null, 10),
            new Action("auth.login.failure", "User", null, null, 3));
    private static final int WEIGHTS = ACTIONS.stream().mapToInt(Action::weight).sum();

    private final Duration window;
    private final int rounds;
    private final int connections;
    private final int ingest;
    private final int asked;
    private int records;
    private final int verifications;

    AuditTrailLoad(Duration window, int rounds, int connections, int ingest, int records, int verifications) {
        if (ingest < 1 || records < 1 || verifications < 0 || connections < 1 || connections > 40) {
            throw new IllegalArgumentException("needs --audit-ingest >= 1, --audit-records >= 1, "
                    + "--audit-verifications >= 0, 1 <= --audit-connections <= 40");
        }
        this.window = window;
        this.rounds = rounds;
        this.connections = connections;
        this.ingest = ingest;
        this.asked = records;
        this.records = records;
        this.verifications = verifications;
    }

    /** One kind of read: the query, and worker {@code w}'s variables. */
    private record ReadArm(String name, String query, IntFunction<Map<String, ?>> variables) {
    }

    private static final class ReadResult {
        final Latencies latencies = new Latencies();
        long errors;
        String firstError;
        double seconds;
    }

    /**
     * Closed loop, as {@link InterleavedLoad} but with requests that may take longer than the test client's 30 s:
     * every arm warmed up by one request per connection, then measured round by round, the order reversed every other
     * round. Tokens are asked for anew per window (they live 5 minutes).
     */
    private Map<String, ReadResult> measure(LocalStack stack, List<ReadArm> arms) throws Exception {
        Map<String, ReadResult> totals = new LinkedHashMap<>();
        arms.forEach(arm -> totals.put(arm.name(), new ReadResult()));
        for (ReadArm arm : arms) {
            window(stack, arm, Duration.ZERO, new ReadResult());
        }
        for (int round = 0; round < rounds; round++) {
            List<ReadArm> order = new ArrayList<>(arms);
            if (round % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            for (ReadArm arm : order) {
                window(stack, arm, window, totals.get(arm.name()));
            }
        }
        return totals;
    }

    /** {@code connections} workers send {@code arm}'s request again and again until {@code length} is over. */
    private void window(LocalStack stack, ReadArm arm, Duration length, ReadResult result) throws Exception {
        List<String> tokens = BrowserTokens.of(stack, MANAGER, connections);
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int worker = 0; worker < connections; worker++) {
                String token = tokens.get(worker);
                Map<String, ?> variables = arm.variables().apply(worker);
                running.add(workers.submit(() -> {
                    do {
                        long t0 = System.nanoTime();
                        try {
                            call(stack.routerUrl(), token, arm.query(), variables, LONG_CALL);
                            result.latencies.add(System.nanoTime() - t0);
                        } catch (IOException | RuntimeException failed) {
                            synchronized (result) {
                                result.errors++;
                                result.firstError = result.firstError == null ? failed.getMessage() : result.firstError;
                            }
                        }
                    } while (System.nanoTime() < deadline);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            workers.shutdownNow();
        }
        synchronized (result) {
            result.seconds += (System.nanoTime() - started) / 1e9;
        }
    }

    /**
     * Only the audit subgraph (with Keycloak and the router): every other subgraph's change-stream followers would scan
     * the embedded store's oplog, which a million inserts fill (it is trimmed after each batch, {@link #build}).
     * Keycloak's sign-in events are not read (no sign-in record takes a position of org-acme's chain while it is
     * written straight into the database). The router reads a copy of its configuration with a subgraph request
     * timeout of {@link #LONG_CALL} (a whole-chain verification of a million records in this store takes longer than
     * the default 30 s) and a copy of the supergraph (a re-composed one would be reloaded mid-run).
     */
    static LocalStackBuilder configure(LocalStackBuilder stack, Path root) throws IOException {
        Path supergraph = Files.createTempFile("cycube-bench-supergraph", ".graphql");
        Files.copy(root.resolve("schema/supergraph.graphql"), supergraph, StandardCopyOption.REPLACE_EXISTING);
        supergraph.toFile().deleteOnExit();
        Path config = Files.createTempFile("cycube-bench-router", ".yaml");
        Files.writeString(config, Files.readString(root.resolve("router/router.config.yaml"))
                + "\n# ./cycube bench --only=audit: a whole-chain verification of a million records takes long here\n"
                + "traffic_shaping:\n  all:\n    request_timeout: " + LONG_CALL.toSeconds() + "s\n");
        config.toFile().deleteOnExit();
        return stack.subgraphs("audit")
                .subgraphSetting("CYCUBE_AUDIT_KEYCLOAK_ENABLED", "false")
                .routerSetting("ROUTER_CONFIG_FILE_PATH", config.toAbsolutePath().toString())
                .routerSetting("SUPERGRAPH_PATH", supergraph.toAbsolutePath().toString())
                .routerSetting("SUPERGRAPH_FILE_PATH", supergraph.toAbsolutePath().toString());
    }

    List<String> run(LocalStack stack) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "-- audit trail (issue 13): stack of its own: audit subgraph only (+ "
                + "Keycloak, router, embedded store in this JVM), sign-in polling off, change streams on"));
        try (MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            MongoTemplate audit = new MongoTemplate(client, DATABASE);
            lines.addAll(ingest(stack, client, audit));
            lines.addAll(build(client, audit));
            lines.addAll(reads(stack, audit));
        }
        return lines;
    }

    // ------------------------------------------------------------------------------------------------ ingest

    private List<String> ingest(LocalStack stack, MongoClient client, MongoTemplate audit) throws Exception {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        Random random = new Random(13);
        String loadBefore = AnalyticsLoad.loadAverage();
        long others = 0;
        try (EventFeed feed = new EventFeed(stack.mongoConnectionString())) {
            for (int from = 0; from < ingest; from += WAVE) {
                int first = from;
                List<List<DomainEvent>> wave = new ArrayList<>();
                for (int unit = 0; unit < Math.min(WAVE, ingest - from); unit++) {
                    int n = first + unit;
                    Instant at = start.plusMillis(n * 10L);
                    List<DomainEvent> events = new ArrayList<>();
                    events.add(DomainEvent.of(INGEST_ORGANIZATION, at, recorded(INGEST_ORGANIZATION, at, random)));
                    if (n % 10 == 9) {
                        events.add(DomainEvent.of(OTHER_ORGANIZATION, at, recorded(OTHER_ORGANIZATION, at, random)));
                        others++;
                    }
                    wave.add(events);
                }
                feed.wave(GROUP, wave.size(), wave::get);
                long trimmed = NotificationFanOut.trimOplog(client);
                AnalyticsLoad.progress(String.format(Locale.ROOT, "ingest: %,d of %,d records of %s stored "
                        + "(%,d oplog entries trimmed)", Math.min(ingest, from + WAVE), ingest, INGEST_ORGANIZATION,
                        trimmed));
            }
            EventFeed.Totals totals = feed.totals.get(GROUP);
            TrailStore trail = new TrailStore(audit);
            long head = trail.head(INGEST_ORGANIZATION).seq();
            long otherHead = trail.head(OTHER_ORGANIZATION).seq();
            JsonNode verified = call(stack.routerUrl(), stack.token(ROOT), VERIFY,
                    Map.of("organizationId", INGEST_ORGANIZATION), LONG_CALL).path("data").path("verifyAuditTrail");
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "ingest: %,d audit.Recorded events (%,d of %s, %,d of %s) appended "
                            + "to the event log from %d threads in %d waves of <= %,d (as the relays do), in %.1f s; "
                            + "stored by %s after %.1f s = %,.0f records/s, %.2f ms per record (from each wave's first "
                            + "append until the group's backlog was empty; parked %d)", totals.events.sum(), ingest,
                    INGEST_ORGANIZATION, others, OTHER_ORGANIZATION, EventFeed.APPENDERS, totals.waves, WAVE,
                    totals.appendSeconds, GROUP, totals.appliedSeconds, totals.events.sum() / totals.appliedSeconds,
                    totals.appliedSeconds * 1000 / totals.events.sum(), feed.parked));
            lines.add(String.format(Locale.ROOT, "ingest check: chain heads %s at seq %,d (expected %,d), %s at %,d "
                            + "(expected %,d); root's verifyAuditTrail(%s): intact %s, %,d records checked; "
                            + "cycube_events_backlog{group=\"%s\"} %s; load average %s -> %s", INGEST_ORGANIZATION,
                    head, ingest, OTHER_ORGANIZATION, otherHead, others, INGEST_ORGANIZATION,
                    verified.path("intact").asString(), verified.path("checkedRecords").asLong(), GROUP,
                    backlog(stack), loadBefore, AnalyticsLoad.loadAverage()));
            return lines;
        }
    }

    /** One generated record of {@code organization} at {@code time}, as a subgraph's AuditLog would send it. */
    private static AuditRecorded recorded(String organization, Instant time, Random random) {
        int pick = random.nextInt(WEIGHTS);
        Action action = ACTIONS.get(ACTIONS.size() - 1);
        for (Action candidate : ACTIONS) {
            pick -= candidate.weight();
            if (pick < 0) {
                action = candidate;
                break;
            }
        }
        boolean login = action.action().startsWith("auth.login");
        int roll = random.nextInt(100);
        String outcome = login ? (action.action().endsWith("failure") ? "FAILURE" : "SUCCESS")
                : roll < 88 ? "SUCCESS" : roll < 95 ? "DENIED" : "FAILURE";
        boolean integration = !login && random.nextInt(20) == 0;
        String actor = integration ? uuid(organization, "client:" + random.nextInt(CLIENTS))
                : uuid(organization, "person:" + random.nextInt(PEOPLE));
        String resourceId = action.resourceType().equals("User") ? uuid(organization, "person:" + random.nextInt(PEOPLE))
                : action.resourceType().toLowerCase(Locale.ROOT) + "-" + random.nextInt(5_000);
        List<AuditRecorded.Change> changes = action.change() == null || !"SUCCESS".equals(outcome) ? List.of()
                : List.of(new AuditRecorded.Change(action.change(), action.values()[random.nextInt(action.values().length)]));
        String errorCode = switch (outcome) {
            case "DENIED" -> "FORBIDDEN";
            case "FAILURE" -> login ? null : "BAD_USER_INPUT";
            default -> null;
        };
        String service = login ? "keycloak" : switch (action.resourceType()) {
            case "Enrollment", "Course" -> "training";
            case "Question" -> "assessment";
            case "Lab" -> "labs";
            case "AuditTrail" -> "audit";
            case "Organization" -> "analytics";
            default -> "identity";
        };
        return new AuditRecorded(time, service, actor, integration ? "INTEGRATION" : "PERSON",
                integration ? "integration-" + actor.substring(0, 8) : null, organization, action.action(),
                action.resourceType(), resourceId, action.resourceType().toLowerCase(Locale.ROOT) + "Id=" + resourceId,
                outcome, errorCode, UUID.randomUUID().toString(),
                "00-" + hex(random, 32) + "-" + hex(random, 16) + "-01",
                "10." + random.nextInt(4) + "." + random.nextInt(ADDRESSES / 4) + "." + (1 + random.nextInt(250)),
                changes, "DENIED".equals(outcome) ? "Not allowed: this needs the MANAGER role" : null, null);
    }

    // ------------------------------------------------------------------------------------------------ long chain

    /** org-acme's chain, {@code records} more records written straight into the database (see the class comment). */
    private List<String> build(MongoClient client, MongoTemplate audit) {
        String size = fit();
        new AuditIndexes(audit).afterPropertiesSet();
        TrailStore trail = new TrailStore(audit);
        CheckpointStore checkpoints = new CheckpointStore(audit);
        CheckpointSigner signer = new CheckpointSigner(AuditProperties.DEV_CHECKPOINT_KEY);
        TrailStore.Head head = trail.head(ORGANIZATION);
        Instant end = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
        Instant begin = end.minus(SPREAD);
        long stepMillis = SPREAD.toMillis() / records;
        Random random = new Random(2026);
        long seq = head.seq();
        String hash = head.hash();
        long signedCheckpoints = 0;
        long trimmed = 0;
        Instant lastCheckpointDay = null;
        long started = System.nanoTime();
        List<AuditEventDocument> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < records; i++) {
            Instant time = begin.plusMillis(i * stepMillis + random.nextLong(stepMillis / 2 + 1));
            Instant recordedAt = time.plusMillis(50 + random.nextInt(900));
            AuditEventDocument record = AuditEventDocument.unchained(uuid(ORGANIZATION, "record:" + i),
                    recorded(ORGANIZATION, time, random), recordedAt).chained(++seq, hash);
            hash = record.hash();
            batch.add(record);
            Instant day = recordedAt.truncatedTo(ChronoUnit.DAYS);
            boolean last = i == records - 1;
            if (batch.size() == BATCH || last) {
                audit.insert(batch, AuditEventDocument.COLLECTION);
                batch.clear();
                trimmed += NotificationFanOut.trimOplog(client);
                if ((i + 1) % 100_000 == 0 || last) {
                    AnalyticsLoad.progress(String.format(Locale.ROOT, "long chain: %,d of %,d records of %s written "
                            + "(%.0f s)", i + 1, records, ORGANIZATION, (System.nanoTime() - started) / 1e9));
                }
            }
            if (!day.equals(lastCheckpointDay) && lastCheckpointDay != null || last) {
                // the checkpoint the subgraph makes every 15 minutes: here one per day of the generated history
                checkpoints.add(signer.sign(ORGANIZATION, record.seq(), record.hash(), recordedAt.plusSeconds(1)));
                signedCheckpoints++;
            }
            lastCheckpointDay = day;
        }
        long moved = audit.upsert(Query.query(Criteria.where("_id").is(ORGANIZATION).and("seq").is(head.seq())),
                new Update().set("seq", seq).set("hash", hash), TrailStore.HEADS).getModifiedCount();
        double seconds = (System.nanoTime() - started) / 1e9;
        trimmed += NotificationFanOut.trimOplog(client);
        System.gc();
        Runtime jvm = Runtime.getRuntime();
        TreeSet<String> indexes = new TreeSet<>();
        audit.getCollection(AuditEventDocument.COLLECTION).listIndexes().forEach(index -> indexes.add(index.getString("name")));
        List<String> lines = new ArrayList<>();
        lines.add(size);
        lines.add(String.format(Locale.ROOT, "long chain: %,d records of %s written straight into %s.%s in bulk "
                        + "inserts of %,d with the audit module's code (AuditEventDocument.chained: seq, prevHash, "
                        + "ChainHash), after its head at seq %,d, in %.0f s (%,.0f records/s; setup, not measured); "
                        + "head moved to seq %,d (%s); %,d signed checkpoints (one per day, CheckpointSigner with the "
                        + "dev key); times over %d days up to %s; %,d oplog entries trimmed", records, ORGANIZATION,
                DATABASE, AuditEventDocument.COLLECTION, BATCH, head.seq(), seconds, records / seconds, seq,
                moved == 1 || head.seq() == 0 ? "compare-and-set" : "NOT MOVED: another writer", signedCheckpoints,
                SPREAD.toDays(), end, trimmed));
        lines.add(String.format(Locale.ROOT, "indexes of %s (AuditIndexes, as the subgraph makes them at start): %s "
                        + "- mongo-java-server implements only the unique ones (_id_, chain_seq) and scans for every "
                        + "other query; benchmark JVM heap used %.0f MiB of %.0f MiB max (the embedded store's data)", AuditEventDocument.COLLECTION,
                indexes, (jvm.totalMemory() - jvm.freeMemory()) / 1048576.0, jvm.maxMemory() / 1048576.0));
        return lines;
    }

    /**
     * The embedded store keeps every record in this JVM's heap, about {@value #HEAP_PER_RECORD} bytes each (measured:
     * 842 MiB used after 202,000 records): {@code records} is cut to what fits in the heap left, less
     * {@value #HEAP_HEADROOM_MIB} MiB of room for the inserts and the queries' working sets.
     */
    private String fit() {
        System.gc();
        Runtime jvm = Runtime.getRuntime();
        long free = jvm.maxMemory() - (jvm.totalMemory() - jvm.freeMemory()) - HEAP_HEADROOM_MIB * 1048576L;
        long fits = Math.max(10_000, free / HEAP_PER_RECORD / 10_000 * 10_000);
        if (fits < records) {
            records = (int) fits;
        }
        return String.format(Locale.ROOT, "heap: benchmark JVM max %.0f MiB (./cycube bench sets no -Xmx: a quarter "
                        + "of the machine's memory; more with JAVA_TOOL_OPTIONS=-Xmx12g), ~%,d bytes per record in the "
                        + "embedded store: room for %,d records; %,d asked, %s", jvm.maxMemory() / 1048576.0,
                HEAP_PER_RECORD, fits, asked, records < asked ? "REDUCED to " + String.format(Locale.ROOT, "%,d",
                        records) + " (the in-memory store holds them in this JVM's heap)" : "all written");
    }

    // ------------------------------------------------------------------------------------------------ reads

    private List<String> reads(LocalStack stack, MongoTemplate audit) throws Exception {
        // a period and an actor that exist in the generated history: the 30 days ending 100 days ago, the busiest person
        Instant periodEnd = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.DAYS);
        Instant periodStart = periodEnd.minus(Duration.ofDays(30));
        String actor = uuid(ORGANIZATION, "person:7");
        Instant dayStart = Instant.now().minus(Duration.ofDays(200)).truncatedTo(ChronoUnit.DAYS);
        Instant dayEnd = dayStart.plus(Duration.ofDays(1));
        Map<String, Object> filtered = new LinkedHashMap<>();
        filtered.put("action", "mutation.enroll");
        filtered.put("outcome", "SUCCESS");
        filtered.put("from", periodStart.toString());
        filtered.put("to", periodEnd.toString());
        String manager = stack.token(MANAGER);
        JsonNode page = sample(stack.routerUrl(), manager, EVENTS_PAGE, Map.of("filter", filtered, "first", 50))
                .path("data").path("auditEvents");
        JsonNode byActor = sample(stack.routerUrl(), manager, EVENTS_PAGE, Map.of("filter", Map.of("actor", actor),
                "first", 50)).path("data").path("auditEvents");
        JsonNode day = sample(stack.routerUrl(), manager, VERIFY, Map.of("from", dayStart.toString(),
                "to", dayEnd.toString())).path("data").path("verifyAuditTrail");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "reads (as %s through the router): filtered page {action: "
                        + "mutation.enroll, outcome: SUCCESS, from: %s, to: %s} first 50 -> %d records of totalCount "
                        + "%,d; by actor %s first 50 -> %d of %,d; verifyAuditTrail of the day %s: intact %s, %,d "
                        + "records checked", MANAGER, periodStart, periodEnd, page.path("edges").size(),
                page.path("totalCount").asLong(), actor, byActor.path("edges").size(),
                byActor.path("totalCount").asLong(), dayStart, day.path("intact").asString(),
                day.path("checkedRecords").asLong()));

        String loadBefore = AnalyticsLoad.loadAverage();
        String pageArm = "auditEvents action+outcome+30d";
        String actorArm = "auditEvents by actor";
        String dayArm = "verifyAuditTrail one day";
        // first differs per worker: no two workers' requests are alike (the router deduplicates identical ones)
        List<ReadArm> arms = List.of(
                new ReadArm(pageArm, EVENTS_PAGE, worker -> Map.of("filter", filtered, "first", 50 - worker)),
                new ReadArm(actorArm, EVENTS_PAGE, worker -> Map.of("filter", Map.of("actor", actor),
                        "first", 50 - worker)),
                new ReadArm(dayArm, VERIFY, worker -> Map.of("from", dayStart.plus(Duration.ofMinutes(worker))
                        .toString(), "to", dayEnd.toString())));
        Map<String, ReadResult> totals = measure(stack, arms);
        lines.add(String.format(Locale.ROOT, "-- audit reads over org-acme's chain via router (its manager): %d "
                        + "connections (one token each), closed loop, %d rounds x %d s per arm after a warm-up "
                        + "request per connection, arms interleaved (A B C, C B A, ...); a request started in a "
                        + "window finishes in it", connections, rounds, window.toSeconds()));
        totals.forEach((name, result) -> lines.add(String.format(Locale.ROOT, "%-34s %6.2f req/s  %s, errors %d%s",
                name, result.latencies.count() / result.seconds, result.latencies.summary(), result.errors,
                result.firstError == null ? "" : " (first: " + result.firstError + ")")));

        // the whole chain, in steps: through the router first; if the router gives up on a step (its timeout), the
        // same walk straight to the audit subgraph (same token: the subgraph checks it itself) measures what it costs
        if (verifications > 0) {
            VerifyCalls routed = verifyWhole(stack.routerUrl(), stack, verifications, "via router");
            lines.add(routed.line("verifyAuditTrail of the whole chain in steps via router"));
            if (routed.failure != null) {
                lines.add(verifyWhole(stack.subgraphUrl("audit"), stack, verifications, "straight to audit")
                        .line("verifyAuditTrail of the whole chain in steps straight to the audit subgraph (the router gave up)"));
            }
        }
        lines.add(String.format(Locale.ROOT, "org-acme's chain at the end: head at seq %,d (the reads are audited "
                        + "too); load average before and after the reads: %s; %s", new TrailStore(audit)
                        .head(ORGANIZATION).seq(), loadBefore, AnalyticsLoad.loadAverage()));
        double worst = totals.values().stream().mapToDouble(result -> result.latencies.percentileMillis(99)).max()
                .orElse(Double.NaN);
        lines.add(String.format(Locale.ROOT, "highest p99 of the interleaved reads: %.1f ms", worst));
        return lines;
    }

    /**
     * Whole-chain verifications one after another, each walked in steps (a step answers {@code complete: false} and a
     * cursor until the chain's end): each step's duration, each whole walk's, or the first failure and when it came.
     */
    private static final class VerifyCalls {
        final Latencies steps = new Latencies();
        final Latencies walks = new Latencies();
        long checked;
        int stepsPerWalk;
        String result = "not run";
        String failure;
        int asked;

        String line(String title) {
            if (walks.count() == 0) {
                return String.format(Locale.ROOT, "%s (%d walks, one at a time): no walk completed; FAILED: %s", title,
                        asked, failure);
            }
            return String.format(Locale.ROOT, "%s (%d walks, one at a time, %d steps each): a walk %s; a step %s; "
                            + "%,d records checked (%,.0f records/s at the p50 walk), %s%s", title, asked, stepsPerWalk,
                    walks.summary(), steps.summary(), checked, checked / (walks.percentileMillis(50) / 1000), result,
                    failure == null ? "" : "; FAILED: " + failure);
        }
    }

    /** At most this many steps per walk: far more than a chain this benchmark builds needs. */
    private static final int MAX_STEPS = 1_000;

    private static VerifyCalls verifyWhole(String url, LocalStack stack, int walks, String how) {
        VerifyCalls done = new VerifyCalls();
        done.asked = walks;
        for (int walk = 0; walk < walks && done.failure == null; walk++) {
            long t0 = System.nanoTime();
            long checked = 0;
            int steps = 0;
            String cursor = null;
            try {
                JsonNode verified;
                do {
                    Map<String, Object> variables = new HashMap<>();
                    if (cursor != null) {
                        variables.put("after", cursor);
                    }
                    long s0 = System.nanoTime();
                    verified = call(url, stack.token(MANAGER), VERIFY, variables, LONG_CALL)
                            .path("data").path("verifyAuditTrail");
                    done.steps.add(System.nanoTime() - s0);
                    steps++;
                    checked += verified.path("checkedRecords").asLong();
                    cursor = verified.path("cursor").isString() ? verified.path("cursor").asString() : null;
                } while (!verified.path("complete").asBoolean() && cursor != null && steps < MAX_STEPS);
                done.walks.add(System.nanoTime() - t0);
                done.checked = checked;
                done.stepsPerWalk = steps;
                done.result = "intact " + verified.path("intact").asString() + ", complete "
                        + verified.path("complete").asString() + (verified.path("firstProblem").isObject()
                        ? ", first problem " + verified.path("firstProblem") : "");
            } catch (IOException | RuntimeException failed) {
                done.failure = String.format(Locale.ROOT, "walk %d, step %d after %.1f s: %s", walk + 1, steps + 1,
                        (System.nanoTime() - t0) / 1e9, failed.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.failure = "interrupted";
            }
            AnalyticsLoad.progress(String.format(Locale.ROOT, "whole-chain verification %d %s: %.1f s in %d steps, %s",
                    walk + 1, how, (System.nanoTime() - t0) / 1e9, steps,
                    done.failure == null ? checked + " records" : done.failure));
        }
        return done;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** One request whose answer the report shows; a failure is reported (and an empty answer used), not thrown. */
    private static JsonNode sample(String url, String token, String query, Map<String, ?> variables)
            throws InterruptedException {
        try {
            return call(url, token, query, variables, LONG_CALL);
        } catch (IOException | RuntimeException failed) {
            AnalyticsLoad.progress("a sample read failed: " + failed.getMessage());
            return JSON.createObjectNode();
        }
    }

    /** A GraphQL request with its own timeout (the test client's is 30 s); fails on errors. */
    static JsonNode call(String url, String token, String query, Map<String, ?> variables, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables)))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 200 || json.has("errors")) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " "
                    + InterleavedLoad.abbreviate(response.body()));
        }
        return json;
    }

    /** audit's own {@code cycube_events_backlog} of the trail's group. */
    private static String backlog(LocalStack stack) {
        URI metrics = URI.create("http://127.0.0.1:" + stack.subgraphPort("audit") + "/actuator/prometheus");
        try {
            String text = HTTP.send(HttpRequest.newBuilder(metrics).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = BACKLOG.matcher(text);
            return matcher.find() ? matcher.group(1) : "not reported";
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String hex(Random random, int digits) {
        StringBuilder text = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    private static String uuid(String organization, String name) {
        return UUID.nameUUIDFromBytes(("cycube-bench:audit:" + organization + ":" + name)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
