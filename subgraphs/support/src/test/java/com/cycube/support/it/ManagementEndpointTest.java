package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an operator scrapes, on the management port only: health probes and Prometheus metrics of requests by
 * operation and error code, DataLoader batches, live streams and the events pipeline.
 */
@SupportIntegrationTest
class ManagementEndpointTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void requests_are_counted_by_operation_and_error_code_on_the_management_port() throws Exception {
        GraphQlClient manager = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER);
        manager.execute("query WhoAmI { whoami { kind } }").assertNoErrors();
        manager.execute("mutation SaveBlank { saveNote(input: {title: \" \"}) { title } }");
        manager.execute("{ whoami { kind } }").assertNoErrors(); // unnamed, as the router sends operations

        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("cycube_graphql_requests_total\\{[^}]*code=\"OK\"[^}]*operation=\"WhoAmI\"")
                .containsPattern("cycube_graphql_errors_total\\{[^}]*code=\"BAD_USER_INPUT\"[^}]*operation=\"SaveBlank\"")
                .containsPattern("cycube_graphql_requests_total\\{[^}]*code=\"OK\"[^}]*operation=\"whoami\"")
                .contains("cycube_graphql_request_seconds_bucket")
                .contains("cycube_live_subscriptions")
                .contains("cycube_changes_lag_seconds_count{collection=\"")
                .contains("cycube_events_backlog{group=\"support-it.")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void made_up_operation_names_cannot_blow_up_the_metrics() throws Exception {
        GraphQlClient manager = GraphQlClient.forPort(port).as(Persona.ACME_MANAGER);
        for (int i = 0; i < 250; i++) {
            manager.execute("query Spam" + i + " { whoami { kind } }");
        }

        String body = get(managementPort, "/actuator/prometheus").body();

        Set<String> operations = Pattern.compile("cycube_graphql_requests_total\\{[^}]*operation=\"([^\"]*)\"").matcher(body)
                .results().map(match -> match.group(1)).collect(Collectors.toSet());
        assertThat(operations).hasSizeLessThanOrEqualTo(200 + 2).contains("other"); // + anonymous and other

    }

    @Test
    void the_public_port_serves_no_actuator_endpoint() throws Exception {
        HttpResponse<String> publicPort = get(port, "/actuator/prometheus");
        assertThat(publicPort.statusCode()).as("port %d (management %d): %s", port, managementPort,
                publicPort.body().substring(0, Math.min(300, publicPort.body().length()))).isIn(401, 403, 404);
        assertThat(get(managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
