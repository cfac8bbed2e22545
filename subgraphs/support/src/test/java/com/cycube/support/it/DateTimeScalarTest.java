package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.testclient.GraphQlClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SupportIntegrationTest
class DateTimeScalarTest {

    @LocalServerPort
    int port;

    @Test
    void an_instant_is_written_as_rfc_3339_in_utc_with_milliseconds() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).execute("{ launchTime }");

        assertThat(response.<String>get("data.launchTime")).isEqualTo("2026-11-24T17:30:00.000Z");
    }

    @Test
    void a_date_time_variable_with_an_offset_is_read_as_the_same_instant_and_answered_in_utc() {
        GraphQlClient.Response response = GraphQlClient.forPort(port)
                .execute("query($at: DateTime!) { echoTime(at: $at) }", Map.of("at", "2026-11-24T18:30:00+01:00"));

        assertThat(response.<String>get("data.echoTime")).isEqualTo("2026-11-24T17:30:00.000Z");
    }

    @Test
    void a_date_time_literal_is_parsed_too() {
        GraphQlClient.Response response = GraphQlClient.forPort(port).execute("{ echoTime(at: \"2026-11-24T12:30:00-05:00\") }");

        assertThat(response.<String>get("data.echoTime")).isEqualTo("2026-11-24T17:30:00.000Z");
    }

    @Test
    void a_malformed_date_time_is_rejected_as_BAD_USER_INPUT_before_any_resolver_runs() {
        GraphQlClient.Response response = GraphQlClient.forPort(port)
                .execute("query($at: DateTime!) { echoTime(at: $at) }", Map.of("at", "next tuesday"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.<List<String>>get("errors[*].extensions.code")).containsExactly("BAD_USER_INPUT");
        assertThat(response.<String>get("errors[0].message")).contains("next tuesday");
        assertThat(response.members()).doesNotContain("data");
    }
}
