package com.cycube.notification;

import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.identity.ContactDetailsChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.testclient.Persona;
import com.cycube.testing.EventFedSubgraphTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The base of notification's HTTP tests ({@link EventFedSubgraphTest}, with a real SMTP server — GreenMail — on a free
 * port of this machine), events delivered only by {@link #drain()}, e-mail
 * sent only by {@code MailDispatcher.sendDue()}. Before each test the database, the event log and every mailbox are
 * emptied and the directory is delivered as events: Acme's trainee, another trainee (who reads German) and manager,
 * Globex's trainee and manager, with their addresses; the GLOBAL course {@code course-linux} ("Linux basics").
 */
@TestPropertySource(properties = {
        "cycube.notification.reminders.enabled=false", // tests call DueDateReminders.tick()
        "cycube.notification.mail.enabled=false"}) // tests call MailDispatcher.sendDue()
public abstract class NotificationIntegrationTest extends EventFedSubgraphTest {

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

    @BeforeEach
    void startFromTheDirectory() throws Exception {
        startEmpty();
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
