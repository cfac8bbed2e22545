package com.cycube.support.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestCorrelationTest {

    private static final String GENERATED = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void a_request_id_of_up_to_128_letters_digits_dots_underscores_colons_and_dashes_is_kept() {
        for (String sent : List.of("req-from-router-42", "0190c6a2-7c1e-7b7e-9f7e-2f1c3a4b5c6d", "a", "svc:hr.sync_7",
                "x".repeat(128))) {
            assertThat(RequestCorrelation.requestId(sent)).isEqualTo(sent);
        }
    }

    @Test
    void a_request_id_longer_than_128_characters_is_replaced_by_a_generated_one() {
        assertThat(RequestCorrelation.requestId("x".repeat(129))).matches(GENERATED);
        assertThat(RequestCorrelation.requestId("x".repeat(100_000))).matches(GENERATED);
    }

    @Test
    void a_request_id_with_any_other_character_is_replaced_by_a_generated_one() {
        for (String sent : List.of("two words", "quote\"d", "{\"json\":1}", "semi;colon", "slash/es", "tab\there",
                "line\nbreak", "ünïcode", "emoji-\uD83D\uDE00", "<script>", "percent%20", "comma,list")) {
            assertThat(RequestCorrelation.requestId(sent)).as(sent).matches(GENERATED);
        }
    }

    @Test
    void a_missing_or_blank_request_id_is_replaced_by_a_fresh_one_each_time() {
        String first = RequestCorrelation.requestId(null);
        String second = RequestCorrelation.requestId("");

        assertThat(first).matches(GENERATED);
        assertThat(second).matches(GENERATED).isNotEqualTo(first);
        assertThat(RequestCorrelation.requestId("   ")).matches(GENERATED);
    }

    @Test
    void a_w3c_traceparent_is_kept() {
        assertThat(RequestCorrelation.traceParent(TRACEPARENT)).isEqualTo(TRACEPARENT);
        assertThat(RequestCorrelation.traceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    @Test
    void a_traceparent_not_in_the_w3c_format_is_dropped() {
        for (String sent : List.of(
                "", "garbage", TRACEPARENT + "-extra", TRACEPARENT + " ", " " + TRACEPARENT,
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",   // only version 00
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",   // W3C: lowercase hex only
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",    // 31 digits
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",    // 15 digits
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n{\"forged\":true}",
                TRACEPARENT.repeat(100))) {
            assertThat(RequestCorrelation.traceParent(sent)).as(sent).isNull();
        }
        assertThat(RequestCorrelation.traceParent(null)).isNull();
    }

    @Test
    void a_traceparent_with_an_all_zero_trace_id_or_parent_id_is_dropped() {
        assertThat(RequestCorrelation.traceParent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(RequestCorrelation.traceParent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isNull();
    }
}
