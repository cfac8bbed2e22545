package com.cycube.notification.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.Persona;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

/**
 * No server-side request forgery, with the production settings (https only, private addresses refused) and a DNS the
 * test controls: endpoints on loopback, private, link-local or metadata addresses are refused at registration, and
 * at every attempt — a name that resolves to a public address when registered and to 127.0.0.1 later is not called.
 */
@TestPropertySource(properties = {"cycube.notification.webhooks.allow-private-addresses=false",
        "cycube.notification.webhooks.allow-http=false"})
@Import(WebhookSsrfTest.TestDns.class)
class WebhookSsrfTest extends WebhookIntegrationTest {

    /** The names the test's DNS knows. */
    static final Map<String, String> DNS = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestDns {
        @Bean
        @Primary
        WebhookAddressGuard.HostResolver testDns() {
            return host -> {
                String address = DNS.get(host);
                if (address == null) {
                    if (host.matches("[0-9.]+|.*:.*")) {
                        return new InetAddress[] {InetAddress.getByName(host)}; // a literal address
                    }
                    throw new UnknownHostException(host);
                }
                return new InetAddress[] {InetAddress.getByName(address)};
            };
        }
    }

    @Autowired
    WebhookEndpointStore endpoints;

    @BeforeEach
    void resolveNames() {
        DNS.clear();
        DNS.put("hooks.acme.example", "203.0.113.10");
        DNS.put("internal.acme.example", "10.0.0.5");
        RECEIVER.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    private List<String> refusal(String url) {
        return as(Persona.ACME_MANAGER, CREATE, Map.of("i", Map.of("url", url, "eventTypes", List.of("course.completed"))))
                .errorCodes();
    }

    @Test
    void endpoints_on_internal_addresses_or_plain_http_are_refused_at_registration() {
        for (String url : List.of("https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data/",
                "https://[::1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://internal.acme.example/hook",
                "https://unknown.acme.example/hook", "http://hooks.acme.example/hook")) {
            assertThat(refusal(url)).as(url).containsExactly("BAD_USER_INPUT");
        }
        assertThat(mongo.count(new Query(), WebhookEndpointDocument.COLLECTION)).isZero();
        assertThat(refusal("https://hooks.acme.example/hook")).isEmpty();
    }

    @Test
    void a_name_that_resolves_to_loopback_at_delivery_time_is_not_called() {
        Registered hook = register(Persona.ACME_MANAGER, "/ignored", "course.completed"); // https on a public name below
        mongo.updateFirst(Query.query(Criteria.where("_id").is(hook.id())), new Update().set("url",
                "https://hooks.acme.example:" + RECEIVER.port() + "/hook"), WebhookEndpointDocument.COLLECTION);
        DNS.put("hooks.acme.example", "127.0.0.1"); // DNS rebinding after registration
        courseCompleted(Persona.ACME_TRAINEE, "e-1");

        assertThat(deliverDue()).isEqualTo(1);

        assertThat(deliveries(Persona.ACME_MANAGER, hook.id()).get(0)).containsEntry("status", "PENDING")
                .containsEntry("attempts", 1).containsEntry("lastError", "REFUSED_ADDRESS")
                .containsEntry("lastResponseStatus", null);
        assertThat(received()).isEmpty();
    }

    @Test
    void an_endpoint_stored_on_a_loopback_address_is_refused_at_every_attempt_and_never_called() {
        Registered hook = register(Persona.ACME_MANAGER, "/ignored", "course.completed");
        // as if stored before the rules, or by a copy of the database: WireMock would answer it
        mongo.updateFirst(Query.query(Criteria.where("_id").is(hook.id())), new Update().set("url", url("/hook")),
                WebhookEndpointDocument.COLLECTION);
        courseCompleted(Persona.ACME_TRAINEE, "e-1");

        deliverDue();
        clock.advance(java.time.Duration.ofSeconds(6));
        deliverDue();

        assertThat(deliveries(Persona.ACME_MANAGER, hook.id()).get(0)).containsEntry("attempts", 2)
                .containsEntry("lastError", "REFUSED_ADDRESS");
        assertThat(received()).isEmpty();
    }

    @Override
    protected String url(String path) {
        return path.equals("/ignored") ? "https://hooks.acme.example/hook" : super.url(path);
    }
}
