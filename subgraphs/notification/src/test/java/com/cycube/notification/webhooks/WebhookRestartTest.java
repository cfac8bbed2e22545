package com.cycube.notification.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.NotificationApplication;
import com.cycube.support.contracts.training.CourseCompleted;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventLog;
import com.cycube.support.events.EventProcessing;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.MutableClock;
import com.cycube.testclient.Persona;
import com.cycube.testing.TestSecurityConfiguration;
import com.github.tomakehurst.wiremock.WireMockServer;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Nothing lost and nothing sent under a second webhook-id across a restart of the notification subgraph: the real
 * application is started, deliveries are written (some sent, one claimed by the instance as it stopped), it is
 * stopped, and a new one is started on the same database — to which the event log hands every event over again.
 * And the delivery loop that tests otherwise drive by hand runs by itself in a started application.
 */
class WebhookRestartTest {

    private static final String ORG = Persona.ACME;

    private final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
    private MongoServer store;
    private String mongoUri;

    /** The clock of the application being started (each start gets its own). */
    static volatile MutableClock currentClock;

    @TestConfiguration(proxyBeanMethods = false)
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock handMovedClock() {
            return currentClock;
        }
    }

    @BeforeEach
    void startStoreAndReceiver() {
        store = new MongoServer(new MemoryBackend());
        mongoUri = "mongodb://127.0.0.1:" + store.bind().getPort() + "/cycube-notification";
        receiver.start();
        receiver.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stopStoreAndReceiver() {
        receiver.stop();
        store.shutdownNow();
    }

    private ConfigurableApplicationContext start(MutableClock clock, String... more) {
        currentClock = clock;
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.mongodb.uri=" + mongoUri,
                "--spring.main.banner-mode=off", "--cycube.demo-data.enabled=false", "--cycube.events.background=false",
                "--cycube.access.revocations.enabled=false", "--cycube.change-streams.enabled=false",
                "--logging.structured.format.console=", "--cycube.notification.webhooks.request-timeout=15s"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(NotificationApplication.class, TestSecurityConfiguration.class,
                HandMovedClock.class).run(arguments.toArray(String[]::new));
    }

    private String register(ConfigurableApplicationContext context) {
        int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        return GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).execute("""
                mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }""",
                Map.of("i", Map.of("url", receiver.baseUrl() + "/hooks/acme", "eventTypes", List.of("course.completed"))))
                .assertNoErrors().get("data.createWebhook.webhook.id");
    }

    private static DomainEvent completed(ConfigurableApplicationContext context, MutableClock clock, String enrollmentId) {
        clock.advance(Duration.ofMillis(1));
        DomainEvent event = DomainEvent.of(ORG, clock.instant(), new CourseCompleted(enrollmentId,
                Persona.ACME_TRAINEE.subject(), "course-linux", "Linux basics", 90.0, clock.instant()));
        context.getBean(EventLog.class).append(event);
        context.getBean(EventProcessing.class).drain();
        return event;
    }

    @Test
    void each_event_is_delivered_once_under_one_webhook_id_across_a_restart() {
        MutableClock clock = new MutableClock();
        List<DomainEvent> events = new ArrayList<>();
        String webhookId;
        try (ConfigurableApplicationContext first = start(clock)) {
            webhookId = register(first);
            events.add(completed(first, clock, "e-1"));
            events.add(completed(first, clock, "e-2"));
            assertThat(first.getBean(WebhookDispatcher.class).deliverDue()).isEqualTo(2);
            events.add(completed(first, clock, "e-3"));
            events.add(completed(first, clock, "e-4"));
            // the instance stops while sending one of them: claimed, never recorded
            assertThat(first.getBean(WebhookDeliveryStore.class).claimNextDue(clock.instant(),
                    clock.instant().plus(Duration.ofMinutes(5)), Set.of())).isPresent();
        }
        assertThat(receiver.findAll(postRequestedFor(anyUrl()))).hasSize(2);

        MutableClock later = new MutableClock(clock.instant().plusSeconds(30));
        try (ConfigurableApplicationContext second = start(later)) {
            WebhookEventsHandler handler = second.getBean(WebhookEventsHandler.class);
            events.forEach(handler::handle); // handed over again, as events not yet acknowledged are
            second.getBean(EventProcessing.class).drain();
            WebhookDispatcher dispatcher = second.getBean(WebhookDispatcher.class);

            assertThat(dispatcher.deliverDue()).as("the one nobody held").isEqualTo(1);
            later.advance(Duration.ofMinutes(5));
            assertThat(dispatcher.deliverDue()).as("the one held by the stopped instance, once its lease ran out")
                    .isEqualTo(1);
            later.advance(Duration.ofHours(30));
            assertThat(dispatcher.deliverDue()).isZero();

            MongoTemplate mongo = second.getBean(MongoTemplate.class);
            assertThat(mongo.count(new Query(), WebhookDeliveryDocument.COLLECTION)).isEqualTo(4);
            assertThat(mongo.count(Query.query(Criteria.where("status").is("DELIVERED")), WebhookDeliveryDocument.COLLECTION))
                    .isEqualTo(4);
        }

        String hook = webhookId;
        assertThat(receiver.findAll(postRequestedFor(anyUrl()))).extracting(request -> request.getHeader("webhook-id"))
                .containsExactlyInAnyOrderElementsOf(events.stream()
                        .map(event -> WebhookDeliveryDocument.idOf(hook, event.eventId())).toList());
    }

    @Test
    void the_worker_of_a_running_instance_sends_due_deliveries_by_itself() throws InterruptedException {
        MutableClock clock = new MutableClock();
        try (ConfigurableApplicationContext running = start(clock, "--cycube.notification.webhooks.worker.enabled=true",
                "--cycube.notification.webhooks.worker.interval=100ms")) {
            String webhookId = register(running);
            DomainEvent event = completed(running, clock, "e-1");

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (receiver.findAll(postRequestedFor(anyUrl())).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(receiver.findAll(postRequestedFor(anyUrl()))).extracting(request -> request.getHeader("webhook-id"))
                    .containsExactly(WebhookDeliveryDocument.idOf(webhookId, event.eventId()));
        }
    }
}
