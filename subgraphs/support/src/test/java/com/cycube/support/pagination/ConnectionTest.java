package com.cycube.support.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import java.util.List;
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
    void an_empty_page_has_no_cursors() {
        Connection<String> empty = Connection.of(List.of(), PageRequest.of(null, null), 0);
        assertThat(empty.pageInfo().startCursor()).isNull();
        assertThat(empty.pageInfo().endCursor()).isNull();
    }
}
