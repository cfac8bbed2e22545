package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * On Kubernetes or Cloud Foundry Spring Boot would let Tomcat take the client address from {@code X-Forwarded-For}
 * sent by any caller on an internal network (the loopback included); the shared defaults switch that off. Here the
 * subgraph trusts the router's pod network, as in production, and the test connects from elsewhere (the loopback):
 * a connection that is not a trusted proxy is its own client, whatever it says it forwards.
 */
@SupportIntegrationTest
@TestPropertySource(properties = {"spring.main.cloud-platform=kubernetes", "cycube.security.trusted-proxies=10.42.0.0/16"})
class ClientAddressOnAProxyingPlatformTest {

    @LocalServerPort
    int port;

    @Test
    void on_kubernetes_an_x_forwarded_for_from_a_connection_that_is_not_a_trusted_proxy_is_ignored() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER)
                .withHeader("x-forwarded-for", "203.0.113.66").withHeader("forwarded", "for=203.0.113.66")
                .execute("{ whoami { clientIp } }");

        assertThat(response.<String>get("data.whoami.clientIp")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }
}
