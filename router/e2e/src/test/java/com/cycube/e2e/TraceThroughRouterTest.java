package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.OtlpReceiver.ReceivedSpan;
import com.cycube.testclient.TraceParent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace from the router to the database and across the asynchronous hop: a profile change sent through the router
 * is one trace made of the router's spans, identity's request and MongoDB spans, identity's relay of the
 * {@code identity.UserChanged} event, and the spans of the consumers in training and assessment that apply it — all
 * exported over OTLP to the receiver the running stack sends its spans to.
 */
@ExtendWith(RunningStack.class)
class TraceThroughRouterTest {

    private final LocalStack stack;

    TraceThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void a_request_through_the_router_its_mongodb_write_and_the_consumers_of_its_event_in_other_subgraphs_are_one_trace() {
        TraceParent caller = TraceParent.sampled();
        String traceId = caller.traceId();

        GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token("trainee@globex.test"))
                .withHeader("traceparent", caller.header())
                .execute("mutation ChangeLocale($i: UpdateProfileInput!) { updateProfile(input: $i) { user { locale } } }",
                        Map.of("i", Map.of("locale", "en-GB")))
                .assertNoErrors();

        // the router exports in batches every few seconds, the subgraphs every 200 ms here
        List<ReceivedSpan> trace = await("the router's spans and the consumers' spans in training and assessment")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> RunningStack.traces().spansOf(traceId), spans -> consumerIn("training", spans)
                        && consumerIn("assessment", spans) && spans.stream().anyMatch(span -> span.service().equals("cycube-router")));

        ReceivedSpan identityServer = trace.stream()
                .filter(span -> span.service().equals("identity") && span.kind().equals("SPAN_KIND_SERVER")).findFirst().orElseThrow();
        assertThat(trace).as(trace.toString())
                .anySatisfy(span -> {
                    assertThat(span.service()).as("the router's call to identity is the parent of identity's request")
                            .isEqualTo("cycube-router");
                    assertThat(span.spanId()).isEqualTo(identityServer.parentSpanId());
                })
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("identity");
                    assertThat(span.kind()).isEqualTo("SPAN_KIND_SERVER");
                })
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("identity");
                    assertThat(span.name()).startsWith("users.");
                })
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("identity");
                    assertThat(span.name()).isEqualTo("relay identity.UserChanged");
                });
    }

    private static boolean consumerIn(String service, List<ReceivedSpan> spans) {
        return spans.stream().anyMatch(span -> span.service().equals(service) && span.kind().equals("SPAN_KIND_CONSUMER")
                && span.name().startsWith("event identity.UserChanged " + service + "."));
    }
}
