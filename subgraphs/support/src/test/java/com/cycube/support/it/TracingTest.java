package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.OtlpReceiver;
import com.cycube.testclient.OtlpReceiver.ReceivedSpan;
import com.cycube.testclient.Persona;
import com.cycube.testclient.TraceParent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One trace through a subgraph and across the asynchronous hop: a request that arrives with a sampled
 * {@code traceparent} (as the router sends it) writes a document with an event; the exporter sends the spans over
 * OTLP to a real receiver in this test, and the HTTP request, the GraphQL execution, the MongoDB commands, the relay
 * of the event and the consumer that handles it all carry the caller's trace id.
 */
@SupportIntegrationTest
class TracingTest {

    private static final OtlpReceiver RECEIVER = OtlpReceiver.start();

    @DynamicPropertySource
    static void exportToTheReceiver(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", RECEIVER::endpoint);
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @LocalServerPort
    int port;

    @Test
    void a_traced_request_its_mongodb_commands_the_relay_and_the_consumer_of_its_event_share_one_trace() {
        TraceParent caller = TraceParent.sampled();
        String traceId = caller.traceId();
        String user = UUID.randomUUID().toString();

        GraphQlClient.forPort(port).as(Persona.ACME_MANAGER).withHeader("traceparent", caller.header())
                .execute("mutation Announce($u: ID!) { announceUser(userId: $u) }", Map.of("u", user)).assertNoErrors();

        List<ReceivedSpan> trace = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> RECEIVER.spansOf(traceId), spans -> spans.stream().anyMatch(span -> span.kind().equals("SPAN_KIND_CONSUMER")
                        && span.name().contains("access-status")));

        assertThat(trace).extracting(ReceivedSpan::service).containsOnly("support-it");
        assertThat(trace).as(trace.toString())
                .anySatisfy(span -> {
                    assertThat(span.kind()).isEqualTo("SPAN_KIND_SERVER");
                    assertThat(span.parentSpanId()).isEqualTo(caller.spanId());
                })
                .anySatisfy(span -> assertThat(span.name()).startsWith("graphql"))
                .anySatisfy(span -> assertThat(span.name()).contains("insert"))
                .anySatisfy(span -> assertThat(span.name()).isEqualTo("relay identity.UserChanged"))
                .anySatisfy(span -> assertThat(span.name()).isEqualTo("event identity.UserChanged support-it.access-status"));
        assertThat(trace.toString()).doesNotContain(user); // ids of the variables never reach span names
    }

}
