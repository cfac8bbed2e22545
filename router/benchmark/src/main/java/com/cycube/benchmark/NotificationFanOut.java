package com.cycube.benchmark;

import com.cycube.devstack.LocalStack;
import com.cycube.devstack.LocalStackBuilder;
import com.cycube.devstack.MailCatcher;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.contracts.training.Enrolled;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.testclient.GraphQlWsClient;
import com.cycube.testclient.GraphQlWsClient.Message;
import com.cycube.testclient.GraphQlWsClient.Received;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Issue 12, "Speed and scale": an organization-wide fact fanned out to {@code members} users, on a stack of its own
 * ({@link #configure}).
 * <ol>
 *   <li><b>setup</b>: {@code subscribers} of the generated members get real Keycloak accounts ({@link KeycloakUsers}:
 *       their Keycloak ids are their user ids in the events); identity's facts about all members — {@code UserChanged}
 *       ACTIVE and {@code ContactDetailsChanged} with an address, every second member in German ({@code de}) — and
 *       the catalog's publication of the course are appended to the shared event log as the producers' relays do
 *       ({@link EventFeed}, waves of {@value #WAVE_MEMBERS} members) and waited for (notification's directory);
 *       then the subscribers sign in and each holds {@code notificationReceived} through the router over a WebSocket
 *       of their own, and so does the seeded Globex trainee (another organization);</li>
 *   <li><b>burst</b>: training's announcement of one assignment to the whole organization — one {@code Enrolled}
 *       with the {@code assignmentId} per member, due in 30 days — appended from {@value EventFeed#APPENDERS}
 *       threads, each event's {@code occurredAt} taken just before its append; right after the last of them, one
 *       assignment of the Globex trainee (org-globex) is appended;</li>
 *   <li><b>measured</b>: from the first append to the last of the organization's notifications written
 *       ({@code cycube-notification.notifications}, counted every {@value #POLL_MILLIS} ms) and to the last of its
 *       e-mails sent ({@code mail_outbox} statuses; then the local SMTP catcher's mails are counted, with their
 *       language); for each subscriber, arrival of its {@code notificationReceived} at the client minus its event's
 *       {@code occurredAt} (p50/p99/max, how many arrived); the Globex trainee's delay beside the burst's p50, and its
 *       e-mail.</li>
 * </ol>
 * Options (in {@link RouterBenchmark}): {@code --notifications=1} (0 skips the part), {@code --members=10000},
 * {@code --notification-subscribers=500}.
 */
final class NotificationFanOut {

    static final String ORGANIZATION = "org-bench";
    static final String OTHER_ORGANIZATION = "org-globex";
    static final String OTHER_TRAINEE = "trainee@globex.test";
    /** The seeded Globex trainee's id (keycloak/cycube-realm-dev.json). */
    static final String OTHER_TRAINEE_ID = "00000000-0000-4000-8000-000000000022";
    static final String COURSE = "course-bench-notifications";
    static final String COURSE_TITLE = "Incident response basics";
    private static final String NOTIFY = "notification.notify";
    private static final String DIRECTORY = "notification.directory";
    private static final String SUBSCRIPTION = "subscription { notificationReceived { id kind createdAt } }";
    private static final int WAVE_MEMBERS = 2_000;
    private static final int POLL_MILLIS = 250;
    /** The e-mail statuses are counted every this many polls. */
    private static final int MAIL_POLL_EVERY = 4;
    private static final int CONNECT_BATCH = 50;
    /** How long after the last notification was written the subscribers still get to receive theirs. */
    private static final Duration DELIVERY_WINDOW = Duration.ofSeconds(30);
    /** The burst's e-mail is given up on when no mail was sent for this long. */
    private static final Duration MAIL_STALL = Duration.ofSeconds(90);
    private static final Duration LIMIT = Duration.ofMinutes(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LIVE_SUBSCRIPTIONS = Pattern.compile("^cycube_live_subscriptions\\S*\\s+(\\S+)",
            Pattern.MULTILINE);

    private final int members;
    private final int subscribers;
    private long oplogTrimmed;

    NotificationFanOut(int members, int subscribers) {
        if (members < 1 || subscribers < 0 || subscribers > members) {
            throw new IllegalArgumentException("needs 1 <= subscribers <= members: " + subscribers + ", " + members);
        }
        this.members = members;
        this.subscribers = subscribers;
    }

    /**
     * The stack this part needs: only the notification subgraph (with Keycloak and the router). The embedded store
     * serves every change-stream read by scanning its whole oplog, which never shrinks, and every consumer's "what
     * is pending for me" by scanning the event log: every other subgraph would add followers and consumer groups
     * (access status, directories) that scan for each of the 20,000 identity facts and 10,000 enrollments — the
     * store's cost on these two cores, not notification's. Change streams stay on (the live feed of
     * {@code notificationReceived} and the event log's wake-up need them), relays and pollers as {@code ./cycube up};
     * the setup's oplog entries are removed at quiet moments ({@link #trimOplog}). The router reads a copy of the
     * supergraph taken now, so that a checkout re-composing the supergraph during a run cannot reload it.
     */
    static LocalStackBuilder configure(LocalStackBuilder stack, Path root) throws java.io.IOException {
        // The router reads a copy of the supergraph: it reloads a re-composed supergraph (polled every 5 s), and a
        // reload closed every upstream WebSocket - all 501 subscriptions - in a run while another checkout composed.
        Path supergraph = Files.createTempFile("cycube-bench-supergraph", ".graphql");
        Files.copy(root.resolve("schema/supergraph.graphql"), supergraph, StandardCopyOption.REPLACE_EXISTING);
        supergraph.toFile().deleteOnExit();
        return stack.subgraphs("notification")
                .routerSetting("SUPERGRAPH_PATH", supergraph.toAbsolutePath().toString())
                .routerSetting("SUPERGRAPH_FILE_PATH", supergraph.toAbsolutePath().toString());
    }

    /**
     * Removes the embedded store's oplog entries older than two seconds, at a quiet moment (every consumer settled):
     * every change-stream read scans the whole oplog, which the store never trims - a real MongoDB reads a
     * capped oplog from the stream's position. Returns how many were removed.
     */
    static long trimOplog(MongoClient client) {
        long removed = 0;
        BsonTimestamp before = new BsonTimestamp((int) (System.currentTimeMillis() / 1000) - 2, 0);
        for (String name : client.getDatabase("local").listCollectionNames()) {
            if (name.startsWith("oplog")) {
                removed += client.getDatabase("local").getCollection(name)
                        .deleteMany(new Document("ts", new Document("$lt", before))).getDeletedCount();
            }
        }
        return removed;
    }

    /** One subscriber: its member, socket, and when its notification arrived (nanoTime of the client). */
    private static final class Subscriber {
        final int member;
        final GraphQlWsClient socket;
        Long arrivedNanos;
        String problem;

        Subscriber(int member, GraphQlWsClient socket) {
            this.member = member;
            this.socket = socket;
        }

        void drain() throws InterruptedException {
            for (Optional<Received> next = socket.poll(Duration.ZERO); next.isPresent(); next = socket.poll(Duration.ZERO)) {
                if (!(next.get() instanceof Message message)) {
                    problem = problem == null ? next.get().toString() : problem;
                    continue;
                }
                switch (message.type()) {
                    case "next" -> {
                        if (message.json().path("payload").path("data").path("notificationReceived").isObject()) {
                            if (arrivedNanos == null) {
                                arrivedNanos = message.receivedAtNanos();
                            }
                        } else {
                            problem = problem == null ? message.text() : problem;
                        }
                    }
                    case "error", "complete" -> problem = problem == null ? message.text() : problem;
                    default -> { } // ping: the client answers it
                }
            }
        }
    }

    List<String> run(LocalStack stack) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "-- notification fan-out (issue 12): an assignment to every member of an "
                + "organization of %,d (in-app + e-mail by default), %d of them subscribed through the router; stack of "
                + "its own: notification subgraph only (+ Keycloak, router, embedded store and SMTP catcher in this "
                + "JVM), change streams on, e-mail passes every 5 s as configured", members, subscribers));
        // the members who sign in: spread evenly over the burst's order, so their delays sample all of it
        List<Integer> subscribed = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            subscribed.add((int) ((long) i * members / subscribers));
        }
        String[] userIds = new String[members];
        for (int member = 0; member < members; member++) {
            userIds[member] = uuid("user:" + member);
        }
        long setupStarted = System.nanoTime();
        KeycloakUsers keycloak = new KeycloakUsers(stack);
        String realmSettings = keycloak.prepareRealm();
        List<String> emails = subscribed.stream().map(NotificationFanOut::email).toList();
        List<String> keycloakIds = keycloak.create(ORGANIZATION, emails);
        for (int i = 0; i < subscribed.size(); i++) {
            userIds[subscribed.get(i)] = keycloakIds.get(i);
        }
        double keycloakSeconds = (System.nanoTime() - setupStarted) / 1e9;
        AnalyticsLoad.progress(String.format(Locale.ROOT, "%d Keycloak users created in %.0f s", subscribers,
                keycloakSeconds));

        try (EventFeed feed = new EventFeed(stack.mongoConnectionString());
             MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            directory(feed, client, userIds);
            EventFeed.Totals directory = feed.totals.get(DIRECTORY);
            lines.add("setup: this stack's realm for the generated members: " + realmSettings);
            lines.add(String.format(Locale.ROOT, "setup: %d Keycloak accounts in %.0f s; identity's facts (%,d events: "
                            + "UserChanged + ContactDetailsChanged, half in de) applied by notification.directory in "
                            + "%.1f s (%.0f events/s)", subscribers, keycloakSeconds, directory.events.sum(),
                    directory.appliedSeconds, directory.events.sum() / directory.appliedSeconds));

            long tokensStarted = System.nanoTime();
            List<String> tokens = keycloak.tokens(emails);
            String otherToken = stack.token(OTHER_TRAINEE);
            List<Subscriber> clients = new ArrayList<>();
            try {
                connect(stack, tokens, subscribed, clients);
                Subscriber other = new Subscriber(-1, GraphQlWsClient.connect(stack.routerUrl(), otherToken));
                clients.add(other);
                clients.forEach(subscriber -> subscriber.socket.subscribe("1", SUBSCRIPTION));
                awaitLiveSubscriptions(stack, clients.size());
                lines.add(String.format(Locale.ROOT, "%d members signed in (password grant) and subscribed through "
                                + "the router, plus %s: %.0f s", subscribers, OTHER_TRAINEE,
                        (System.nanoTime() - tokensStarted) / 1e9));
                Thread.sleep(1_500);
                oplogTrimmed += trimOplog(client);
                lines.add(String.format(Locale.ROOT, "embedded store: %,d oplog entries of the setup trimmed at quiet "
                        + "moments (between waves, before the burst); none during the burst", oplogTrimmed));
                lines.addAll(burst(stack, feed, client, userIds, clients, other));
            } finally {
                clients.forEach(subscriber -> subscriber.socket.close());
            }
        }
        return lines;
    }

    /** identity's facts about every member and the catalog's publication of the course, applied by notification. */
    private void directory(EventFeed feed, MongoClient client, String[] userIds) throws Exception {
        Instant created = Instant.now().minus(Duration.ofDays(30));
        // the course's publication, and identity's facts about the other organization's trainee (as identity tells them)
        feed.wave(DIRECTORY, 1, unit -> List.of(
                DomainEvent.of(null, created, new CoursePublished(COURSE, 1, COURSE_TITLE, "GLOBAL", null,
                        List.of())),
                DomainEvent.of(OTHER_ORGANIZATION, created, new UserChanged(OTHER_TRAINEE_ID, "Greg Trainee",
                        "TRAINEE", List.of(), true, 1_000L, "ACTIVE")),
                DomainEvent.of(OTHER_ORGANIZATION, created, new ContactDetailsChanged(OTHER_TRAINEE_ID, OTHER_TRAINEE,
                        "en", 1_000L))));
        for (int from = 0; from < members; from += WAVE_MEMBERS) {
            int first = from;
            feed.wave(DIRECTORY, Math.min(WAVE_MEMBERS, members - from), unit -> {
                int member = first + unit;
                Instant at = created.plusSeconds(member);
                return List.of(
                        DomainEvent.of(ORGANIZATION, at, new UserChanged(userIds[member],
                                String.format(Locale.ROOT, "Bench Member %05d", member + 1), "TRAINEE", List.of(), true,
                                1L, "ACTIVE")),
                        DomainEvent.of(ORGANIZATION, at, new ContactDetailsChanged(userIds[member], email(member),
                                member % 2 == 0 ? "en" : "de", 1L)));
            });
            Thread.sleep(2_500);
            oplogTrimmed += trimOplog(client);
            AnalyticsLoad.progress(String.format(Locale.ROOT, "%,d of %,d members known to notification; %,d oplog "
                    + "entries trimmed so far", Math.min(members, from + WAVE_MEMBERS), members, oplogTrimmed));
        }
    }

    private List<String> burst(LocalStack stack, EventFeed feed, MongoClient client, String[] userIds,
                               List<Subscriber> clients, Subscriber other) throws Exception {
        MongoTemplate store = new MongoTemplate(client, "cycube-events");
        EventLog log = new EventLog(store, Clock.systemUTC());
        MongoCollection<Document> notifications = client.getDatabase("cycube-notification").getCollection("notifications");
        MongoCollection<Document> outbox = client.getDatabase("cycube-notification").getCollection("mail_outbox");
        String assignmentId = uuid("assignment");
        Instant due = Instant.now().plus(Duration.ofDays(30));
        // wall clock and nanoTime side by side: the clients stamp arrivals with nanoTime, events carry wall instants
        long wallAtNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        long[] occurredNanos = new long[members];
        String loadBefore = AnalyticsLoad.loadAverage();

        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService appenders = Executors.newFixedThreadPool(EventFeed.APPENDERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < EventFeed.APPENDERS; thread++) {
                running.add(appenders.submit(() -> {
                    for (int member = next.getAndIncrement(); member < members; member = next.getAndIncrement()) {
                        Instant now = Instant.now();
                        occurredNanos[member] = now.getEpochSecond() * 1_000_000_000L + now.getNano();
                        log.append(DomainEvent.of(ORGANIZATION, now, new Enrolled(uuid("enrollment:" + member),
                                userIds[member], COURSE, "ASSIGNMENT", assignmentId, null, due, now)));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            appenders.shutdownNow();
        }
        double appendSeconds = (System.nanoTime() - started) / 1e9;
        // the other organization's one assignment, while the burst waits in notification's backlog
        long backlogThen = backlog(store);
        Instant otherAt = Instant.now();
        long otherOccurred = otherAt.getEpochSecond() * 1_000_000_000L + otherAt.getNano();
        DomainEvent otherEvent = DomainEvent.of(OTHER_ORGANIZATION, otherAt, new Enrolled(uuid("globex-enrollment"),
                OTHER_TRAINEE_ID, COURSE, "ASSIGNMENT", uuid("globex-assignment"), null, due, otherAt));
        log.append(otherEvent);
        String otherMailId = UUID.nameUUIDFromBytes((otherEvent.eventId() + "|" + OTHER_TRAINEE_ID + "|TRAINING_ASSIGNED")
                .getBytes(StandardCharsets.UTF_8)).toString();
        AnalyticsLoad.progress(String.format(Locale.ROOT, "%,d assignments appended in %.1f s; %,d waiting for %s",
                members, appendSeconds, backlogThen, NOTIFY));

        Document ours = new Document("organizationId", ORGANIZATION);
        Double written = null;
        Double mailed = null;
        Double otherWritten = null;
        long lastMailProgress = System.nanoTime();
        long mailsSettled = 0;
        long lastCount = -1;
        long deadline = started + LIMIT.toNanos();
        for (int poll = 0; System.nanoTime() < deadline; poll++) {
            for (Subscriber subscriber : clients) {
                subscriber.drain();
            }
            double now = (System.nanoTime() - started) / 1e9;
            if (written == null) {
                long count = notifications.countDocuments(ours);
                if (count >= members) {
                    written = now;
                    AnalyticsLoad.progress(String.format(Locale.ROOT, "all %,d notifications written after %.1f s",
                            count, now));
                } else if (count / 1000 != lastCount / 1000) {
                    AnalyticsLoad.progress(String.format(Locale.ROOT, "%,d notifications written, %.0f s", count, now));
                }
                lastCount = count;
            }
            if (otherWritten == null && notifications.countDocuments(new Document("userId", OTHER_TRAINEE_ID)
                    .append("organizationId", OTHER_ORGANIZATION)) > 0) {
                otherWritten = (System.nanoTime() - started) / 1e9;
            }
            if (mailed == null && (poll % MAIL_POLL_EVERY == 0 || written != null)) {
                long settledNow = outbox.countDocuments(new Document("organizationId", ORGANIZATION)
                        .append("status", new Document("$ne", "PENDING")));
                if (settledNow > mailsSettled) {
                    mailsSettled = settledNow;
                    lastMailProgress = System.nanoTime();
                }
                if (mailsSettled >= members) {
                    mailed = (System.nanoTime() - started) / 1e9;
                    AnalyticsLoad.progress(String.format(Locale.ROOT, "all %,d e-mails settled after %.1f s",
                            mailsSettled, mailed));
                } else if (System.nanoTime() - lastMailProgress > MAIL_STALL.toNanos()) {
                    AnalyticsLoad.progress("no e-mail progress for " + MAIL_STALL.toSeconds() + " s: giving up waiting");
                    break;
                }
            }
            boolean everyone = clients.stream().allMatch(subscriber -> subscriber.arrivedNanos != null);
            boolean windowOver = written != null
                    && System.nanoTime() - started - (long) (written * 1e9) > DELIVERY_WINDOW.toNanos();
            if (written != null && mailed != null && (everyone || windowOver)) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        for (Subscriber subscriber : clients) {
            subscriber.drain();
        }
        String loadAfter = AnalyticsLoad.loadAverage();
        long sent = outbox.countDocuments(new Document("organizationId", ORGANIZATION).append("status", "SENT"));
        Document otherMail = outbox.find(new Document("_id", otherMailId)).first();

        // the subscribers' delays: arrival (client clock) minus occurredAt (the append)
        Latencies delays = new Latencies();
        int arrived = 0;
        for (Subscriber subscriber : clients) {
            if (subscriber != other && subscriber.arrivedNanos != null) {
                arrived++;
                delays.add(wallAtNanos + subscriber.arrivedNanos - occurredNanos[subscriber.member]);
            }
        }
        Double otherDelay = other.arrivedNanos == null ? null : (wallAtNanos + other.arrivedNanos - otherOccurred) / 1e6;
        double firstToLastAppend = appendSeconds;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "burst: %,d Enrolled (one assignment, every member) appended in %.1f s "
                + "(%.0f events/s), %,d of them still waiting for %s at the last append", members, firstToLastAppend,
                members / firstToLastAppend, backlogThen, NOTIFY));
        lines.add(written == null
                ? String.format(Locale.ROOT, "first append -> last notification written: NOT REACHED (%,d of %,d "
                        + "after %.0f s)", notifications.countDocuments(ours), members, (System.nanoTime() - started) / 1e9)
                : String.format(Locale.ROOT, "first append -> last notification written: %.1f s = %.0f events/s, "
                        + "%.2f ms per notification (counted every %d ms)", written, members / written,
                        written * 1000 / members, POLL_MILLIS));
        lines.add(mailed == null
                ? String.format(Locale.ROOT, "first append -> last e-mail sent: NOT REACHED (%,d of %,d settled, %,d "
                        + "sent)", mailsSettled, members, sent)
                : String.format(Locale.ROOT, "first append -> last e-mail sent: %.1f s = %.0f mails/s (%,d sent, %,d "
                        + "failed or skipped; statuses counted every %d ms)", mailed, members / mailed, sent,
                        members - sent, POLL_MILLIS * MAIL_POLL_EVERY));
        lines.add(caughtMail(stack));
        lines.add(String.format(Locale.ROOT, "event occurredAt (= append) -> notificationReceived at the client, %d "
                        + "subscribers through the router: %s; %d of %d got theirs (the last %s after the first "
                        + "append); first client problem: %s", subscribers, delays.summary(), arrived, subscribers,
                lastArrival(clients, other, started), firstProblem(clients)));
        lines.add(String.format(Locale.ROOT, "other organization (%s, %s): one assignment appended right after the "
                        + "burst (%,d of the burst still waiting): notificationReceived after %s (written %s after the "
                        + "burst's first append); the burst's p50 %.0f ms, p99 %.0f ms; its e-mail: %s",
                OTHER_ORGANIZATION, OTHER_TRAINEE, backlogThen,
                otherDelay == null ? "NOT RECEIVED" : String.format(Locale.ROOT, "%.0f ms", otherDelay),
                otherWritten == null ? "never" : String.format(Locale.ROOT, "%.1f s", otherWritten),
                delays.percentileMillis(50), delays.percentileMillis(99), mailStatus(otherMail, otherAt)));
        lines.add("load average before and after the burst: " + loadBefore + "; " + loadAfter);
        return lines;
    }

    /** The SMTP catcher's view: e-mails to the generated members, and how many were written in German. */
    private String caughtMail(LocalStack stack) {
        List<MailCatcher.Mail> mails = stack.mail();
        long ours = 0;
        long german = 0;
        for (MailCatcher.Mail mail : mails) {
            if (mail.to().stream().anyMatch(to -> to.endsWith("@bench-notifications.test"))) {
                ours++;
                if (mail.contentLanguage() != null && mail.contentLanguage().startsWith("de")) {
                    german++;
                }
            }
        }
        Runtime jvm = Runtime.getRuntime();
        return String.format(Locale.ROOT, "local SMTP catcher (GreenMail in this JVM): %,d e-mails to the members "
                        + "(%,d in German), %,d in all; benchmark JVM heap used %.0f MiB of %.0f MiB max", ours, german,
                mails.size(), (jvm.totalMemory() - jvm.freeMemory()) / 1048576.0, jvm.maxMemory() / 1048576.0);
    }

    private static String mailStatus(Document mail, Instant appended) {
        if (mail == null) {
            return "not queued";
        }
        java.util.Date finished = mail.getDate("finishedAt");
        return mail.getString("status") + (finished == null ? ""
                : String.format(Locale.ROOT, " %.1f s after its append (the sending pass's start)",
                        Duration.between(appended, finished.toInstant()).toMillis() / 1000.0));
    }

    private static long backlog(MongoTemplate store) {
        return store.getCollection("events").countDocuments(new Document("pendingFor", NOTIFY));
    }

    /** Connects a socket per subscriber with their own token, a batch at a time; adds them to {@code clients}. */
    private static void connect(LocalStack stack, List<String> tokens, List<Integer> subscribed,
                                List<Subscriber> clients) throws InterruptedException {
        ExecutorService connecting = Executors.newFixedThreadPool(CONNECT_BATCH);
        try {
            for (int from = 0; from < tokens.size(); from += CONNECT_BATCH) {
                List<Callable<Subscriber>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(tokens.size(), from + CONNECT_BATCH); i++) {
                    int index = i;
                    batch.add(() -> new Subscriber(subscribed.get(index),
                            GraphQlWsClient.connect(stack.routerUrl(), tokens.get(index))));
                }
                Throwable failure = null;
                for (Future<Subscriber> connected : connecting.invokeAll(batch)) {
                    try {
                        clients.add(connected.get());
                    } catch (ExecutionException e) {
                        failure = failure == null ? e.getCause() : failure;
                    }
                }
                if (failure != null) {
                    throw new IllegalStateException("a subscriber could not connect: " + failure.getMessage(), failure);
                }
            }
        } finally {
            connecting.shutdownNow();
        }
    }

    /**
     * Waits until notification holds every subscription ({@code cycube_live_subscriptions} on its Prometheus
     * endpoint), then a second more for each to read its starting point (nothing is sent before the first
     * notification, so there is no first message to wait for).
     */
    private static void awaitLiveSubscriptions(LocalStack stack, int count) throws InterruptedException {
        URI metrics = URI.create("http://127.0.0.1:" + stack.subgraphPort("notification") + "/actuator/prometheus");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        double open = -1;
        while (System.nanoTime() < deadline) {
            open = liveSubscriptions(metrics);
            if (open >= count) {
                Thread.sleep(1_000);
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("notification holds " + open + " subscriptions, not " + count);
    }

    private static double liveSubscriptions(URI metrics) throws InterruptedException {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(metrics).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher matcher = LIVE_SUBSCRIPTIONS.matcher(text);
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String lastArrival(List<Subscriber> clients, Subscriber other, long started) {
        return clients.stream().filter(subscriber -> subscriber != other && subscriber.arrivedNanos != null)
                .mapToLong(subscriber -> subscriber.arrivedNanos).max()
                .stream().mapToObj(last -> String.format(Locale.ROOT, "%.1f s", (last - started) / 1e9))
                .findFirst().orElse("-");
    }

    private static String firstProblem(List<Subscriber> clients) {
        return clients.stream().map(subscriber -> subscriber.problem).filter(Objects::nonNull).findFirst().orElse("none");
    }

    static String email(int member) {
        return String.format(Locale.ROOT, "member-%05d@bench-notifications.test", member + 1);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("cycube-bench:" + ORGANIZATION + ":" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
