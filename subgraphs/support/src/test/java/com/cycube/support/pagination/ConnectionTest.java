package com.cycube.support.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    @Test
    void the_extra_row_fetched_means_there_is_a_next_page_and_is_not_returned() {
        PageRequest page = PageRequest.of(2, null);
        Connection<String> connection = Connection.of(List.of("a", "b", "c"), page, 5);

        assertThat(connection.edges()).extracting(Connection.Edge::node).containsExactly("a", "b");
        assertThat(connection.pageInfo().hasNextPage()).isTrue();
        assertThat(connection.pageInfo().hasPreviousPage()).isFalse();
        assertThat(connection.totalCount()).isEqualTo(5);
    }

    @Test
    void after_the_end_cursor_the_next_page_starts_with_the_next_row() {
        Connection<String> first = Connection.of(List.of("a", "b", "c"), PageRequest.of(2, null), 3);
        PageRequest next = PageRequest.of(2, first.pageInfo().endCursor());

        assertThat(next.offset()).isEqualTo(2);
        Connection<String> second = Connection.of(List.of("c"), next, 3);
        assertThat(second.edges()).extracting(Connection.Edge::node).containsExactly("c");
        assertThat(second.pageInfo().hasNextPage()).isFalse();
        assertThat(second.pageInfo().hasPreviousPage()).isTrue();
    }

    @Test
    void page_sizes_outside_1_to_100_and_forged_cursors_are_bad_input() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageRequest.of(101, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageRequest.of(10, "not-a-cursor")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> PageRequest.of(10, java.util.Base64.getUrlEncoder().encodeToString("cursor:-5".getBytes())))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void a_cursor_at_the_largest_int_is_bad_input_rather_than_an_offset_that_overflows() {
        assertBadInput(() -> PageRequest.of(10, PageRequest.encode(Integer.MAX_VALUE)));
        assertBadInput(() -> PageRequest.of(10, forged("cursor:" + Integer.MAX_VALUE)));
    }

    @Test
    void a_cursor_past_the_deepest_position_or_beyond_int_is_bad_input() {
        assertBadInput(() -> PageRequest.of(10, PageRequest.encode(PageRequest.MAX_POSITION + 1)));
        assertBadInput(() -> PageRequest.of(10, forged("cursor:" + (Integer.MAX_VALUE - 100))));
        assertBadInput(() -> PageRequest.of(10, forged("cursor:99999999999999999999")));
        assertBadInput(() -> PageRequest.of(10, forged("cursor:" + Integer.MIN_VALUE)));
    }

    @Test
    void the_deepest_position_is_still_a_cursor_and_its_page_fits_in_an_int() {
        PageRequest deepest = PageRequest.of(PageRequest.MAX_PAGE_SIZE, PageRequest.encode(PageRequest.MAX_POSITION));

        assertThat(deepest.offset()).isEqualTo(PageRequest.MAX_POSITION + 1);
        assertThat((long) deepest.offset() + deepest.first() + 1).isLessThan(Integer.MAX_VALUE);
    }

    @Test
    void forged_cursors_are_bad_input_with_one_message() {
        for (String cursor : List.of("", "   ", "%%%", forged("cursor:"), forged("cursor: 5"), forged("cursor:+5"), forged("cursor:5x"),
                forged("position:5"), forged("cursor:-1"), forged("cursor:" + "0".repeat(100) + "5"))) {
            assertThatThrownBy(() -> PageRequest.of(10, cursor)).as(cursor)
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                        assertThat(e.getMessage()).isEqualTo("Invalid cursor: use a cursor returned by this list");
                    });
        }
    }

    @Test
    void page_sizes_outside_1_to_100_are_bad_input_with_the_range_in_the_message() {
        for (int first : new int[] {0, -1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> PageRequest.of(first, null)).as("first: %d", first)
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                        assertThat(e.getMessage()).isEqualTo("first must be between 1 and 100");
                    });
        }
    }

    @Test
    void a_page_cannot_be_built_out_of_range_by_hand_either() {
        assertBadInput(() -> new PageRequest(10, -1));
        assertBadInput(() -> new PageRequest(0, 0));
        assertBadInput(() -> new PageRequest(10, Integer.MAX_VALUE));
    }

    @Test
    void the_page_reaching_the_deepest_position_has_no_next_page_so_no_client_is_handed_a_cursor_it_cannot_use() {
        PageRequest beforeTheEnd = PageRequest.of(2, PageRequest.encode(PageRequest.MAX_POSITION - 2));
        Connection<String> last = Connection.of(List.of("a", "b", "c"), beforeTheEnd, Long.MAX_VALUE);

        assertThat(last.edges()).hasSize(2);
        assertThat(last.pageInfo().hasNextPage()).isFalse();
    }

    @Test
    void an_empty_page_has_no_cursors() {
        Connection<String> empty = Connection.of(List.of(), PageRequest.of(null, null), 0);
        assertThat(empty.pageInfo().startCursor()).isNull();
        assertThat(empty.pageInfo().endCursor()).isNull();
    }

    private static String forged(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertBadInput(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
    }
}
