package com.cycube.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cycube.devstack.LocalStack;
import com.cycube.testclient.GraphQlClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks through the router with real Keycloak tokens: a manager registers an endpoint (a receiver in this test, on
 * this machine — the local stack's development setting allows it) for assignments; assigning training delivers a
 * Standard Webhooks request whose signature verifies with the secret shown at registration, and the delivery log says
 * DELIVERED. A trainee may not register one.
 */
@ExtendWith(RunningStack.class)
class WebhooksThroughRouterTest {

    private static final String CREATE = "mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } secret } }";
    private static final String ASSIGN = "mutation($i: AssignTrainingInput!) { assignTraining(input: $i) { assignment { id } } }";

    private final LocalStack stack;

    WebhooksThroughRouterTest(LocalStack stack) {
        this.stack = stack;
    }

    private record Received(Map<String, String> headers, String body) {
    }

    @Test
    void a_managers_webhook_receives_a_signed_delivery_when_training_is_assigned() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(Map.of(
                        "webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"),
                        "webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        "webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature")), body));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            GraphQlClient manager = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token("manager@acme.test"));
            GraphQlClient trainee = GraphQlClient.forUrl(stack.routerUrl()).withToken(stack.token("trainee@acme.test"));
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            Map<String, Object> input = Map.of("i", Map.of("url", url, "eventTypes", List.of("enrollment.assigned")));

            assertThat(trainee.execute(CREATE, input).errorCodes()).containsExactly("FORBIDDEN");
            GraphQlClient.Response created = manager.execute(CREATE, input).assertNoErrors();
            String secret = created.get("data.createWebhook.secret");
            String webhookId = created.get("data.createWebhook.webhook.id");
            assertThat(secret).startsWith("whsec_");

            String traineeId = trainee.execute("{ me { id } }").assertNoErrors().get("data.me.id");
            await("the course reaching training").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> manager.execute(ASSIGN, Map.of("i", Map.of("courseId", "course-linux",
                            "userIds", List.of(traineeId), "dueAt", Instant.now().plus(Duration.ofDays(9)).toString()))),
                            reply -> reply.errorCodes().isEmpty());

            await("the delivery").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> received.stream().anyMatch(hit -> hit.body().contains("\"enrollment.assigned\"")));
            Received delivery = received.stream().filter(hit -> hit.body().contains("\"enrollment.assigned\"")).findFirst().orElseThrow();
            assertThat(delivery.body()).contains(traineeId);
            String signed = delivery.headers().get("webhook-id") + "." + delivery.headers().get("webhook-timestamp") + "." + delivery.body();
            assertThat(delivery.headers().get("webhook-signature").split(" ")).contains("v1," + sign(secret, signed));

            await("the delivery log").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> manager.execute("query($id: ID!) { webhook(id: $id) { deliveries(first: 5) { edges { node { id status } } } } }",
                            Map.of("id", webhookId)).assertNoErrors().<List<String>>get("data.webhook.deliveries.edges[*].node.status"),
                            statuses -> statuses.contains("DELIVERED"));
        } finally {
            receiver.stop(0);
        }
    }

    private static String sign(String secret, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
