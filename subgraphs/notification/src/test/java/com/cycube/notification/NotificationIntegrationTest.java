package com.cycube.notification;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.MutableClock;
import com.cycube.testclient.Persona;
import com.cycube.testing.SubgraphTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of notification's HTTP tests: one shared context (embedded store, a hand-moved clock from the real present,
 * a real SMTP server — GreenMail — on a free port of this machine), events delivered only by {@link #drain()}, e-mail
 * sent only by {@code MailDispatcher.sendDue()}. Before each test the database, the event log and every mailbox are
 * emptied and the directory is delivered as events: Acme's trainee, another trainee (who reads German) and manager,
 * Globex's trainee and manager, with their addresses; the GLOBAL course {@code course-linux} ("Linux basics").
 */
@SubgraphTest
@TestPropertySource(properties = {
        "cycube.notification.reminders.enabled=false", // tests call DueDateReminders.tick()
        "cycube.notification.mail.enabled=false"}) // tests call MailDispatcher.sendDue()
@Import(NotificationIntegrationTest.TestBeans.class)
public abstract class NotificationIntegrationTest {

    /** The SMTP server every test's e-mail goes to; it lives as long as the test JVM (the context is shared). */
    protected static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    /** Where OTHER_ACME_TRAINEE wants to be written to: German. */
    public static final String OTHER_ACME_TRAINEE_LOCALE = "de-CH";

    public static final String ACME = Persona.ACME;
    public static final Persona OTHER_ACME_TRAINEE =
            Persona.person("00000000-0000-4000-8000-000000000013", "other@acme.test", "Olga Other", "TRAINEE", ACME);

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected MongoClient mongoClient;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected EventLog eventLog;

    @Autowired
    protected EventProcessing events;

    private final Map<String, Long> versions = new HashMap<>();

    @BeforeEach
    void startFromTheDirectory() throws Exception {
        versions.clear();
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.startsWith("system.")) {
                mongo.remove(new Query(), collection);
            }
        }
        mongoClient.getDatabase("cycube-events").getCollection("events").deleteMany(new Document());
        SMTP.purgeEmailFromAllMailboxes();
        for (Persona person : List.of(Persona.ACME_TRAINEE, OTHER_ACME_TRAINEE, Persona.ACME_MANAGER,
                Persona.GLOBEX_TRAINEE, Persona.GLOBEX_MANAGER)) {
            long version = nextVersion(person.subject());
            append(person.organizationId(), new UserChanged(person.subject(), person.name(), person.role(), List.of(),
                    true, version, "ACTIVE"));
            append(person.organizationId(), new ContactDetailsChanged(person.subject(), person.email(),
                    person == OTHER_ACME_TRAINEE ? OTHER_ACME_TRAINEE_LOCALE : null, version));
        }
        append(null, new CoursePublished("course-linux", 1, "Linux basics", "GLOBAL", null,
                List.of(new CoursePublished.Cube("linux-read", "m1", "READING", null, 10, 1))));
        drain();
    }

    protected void drain() {
        events.drain();
    }

    protected Instant nextEventTime() {
        clock.advance(Duration.ofMillis(1));
        return clock.instant();
    }

    protected long nextVersion(String entityId) {
        return versions.merge(entityId, 1L, Long::sum);
    }

    protected <P extends Record & EventPayload> DomainEvent append(String orgId, P payload) {
        DomainEvent event = DomainEvent.of(orgId, nextEventTime(), payload);
        eventLog.append(event);
        return event;
    }

    protected GraphQlClient.Response as(Persona persona, String query) {
        return as(persona, query, Map.of());
    }

    protected GraphQlClient.Response as(Persona persona, String query, Map<String, ?> variables) {
        return GraphQlClient.forPort(port).as(persona).execute(query, variables);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
