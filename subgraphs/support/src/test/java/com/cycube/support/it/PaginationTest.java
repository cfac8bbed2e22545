package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cycube.support.pagination.PageRequest;
import com.cycube.testclient.GraphQlClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared pagination as every subgraph's connection fields use it, through the GraphQL endpoint. */
@SupportIntegrationTest
class PaginationTest {

    private static final String NAMES = "query($count: Int!, $first: Int, $after: String) { names(count: $count, first: $first, after: $after) "
            + "{ edges { cursor node } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } }";

    @LocalServerPort
    int port;

    private final Logger rootLogger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureErrors() {
        log.start();
        rootLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        rootLogger.detachAppender(log);
    }

    @Test
    void a_client_pages_through_a_list_with_the_cursors_it_is_given() {
        GraphQlClient.Response first = names(Map.of("count", 5, "first", 2));
        GraphQlClient.Response second = names(Map.of("count", 5, "first", 2, "after", first.<String>get("data.names.pageInfo.endCursor")));

        assertThat(first.<List<String>>get("data.names.edges[*].node")).containsExactly("name-0", "name-1");
        assertThat(second.<List<String>>get("data.names.edges[*].node")).containsExactly("name-2", "name-3");
        assertThat(second.<Boolean>get("data.names.pageInfo.hasPreviousPage")).isTrue();
        assertThat(second.<Boolean>get("data.names.pageInfo.hasNextPage")).isTrue();
    }

    @Test
    void a_cursor_at_the_largest_int_is_BAD_USER_INPUT_not_an_internal_error_with_a_logged_stack_trace() {
        GraphQlClient.Response response = names(Map.of("count", 5, "first", 2, "after", PageRequest.encode(Integer.MAX_VALUE)));

        assertBadCursor(response);
    }

    @Test
    void a_forged_cursor_past_the_deepest_position_is_BAD_USER_INPUT() {
        for (String text : List.of("cursor:" + (Integer.MAX_VALUE - 1), "cursor:" + (PageRequest.MAX_POSITION + 1), "cursor:99999999999")) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            assertBadCursor(names(Map.of("count", 5, "first", 2, "after", cursor)));
        }
    }

    @Test
    void a_page_size_out_of_range_is_BAD_USER_INPUT() {
        for (int first : new int[] {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            GraphQlClient.Response response = names(Map.of("count", 5, "first", first));

            assertThat(response.<String>get("errors[0].extensions.code")).as("first: %d", first).isEqualTo("BAD_USER_INPUT");
            assertThat(response.<String>get("errors[0].message")).isEqualTo("first must be between 1 and 100");
        }
        assertThat(errorsLogged()).isEmpty();
    }

    private void assertBadCursor(GraphQlClient.Response response) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.<String>get("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(response.<String>get("errors[0].message")).isEqualTo("Invalid cursor: use a cursor returned by this list");
        assertThat(response.<Object>get("data")).isNull();
        assertThat(errorsLogged()).isEmpty();
    }

    private GraphQlClient.Response names(Map<String, ?> variables) {
        return GraphQlClient.forPort(port).execute(NAMES, variables);
    }

    private List<ILoggingEvent> errorsLogged() {
        synchronized (log) {
            // the embedded store's own complaints about change streams other tests leave behind are not this request's
            return log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                    .filter(event -> !event.getLoggerName().startsWith("de.bwaldvogel.mongo")).toList();
        }
    }
}
