package com.cycube.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

class OutboxTest {

    private static DomainEvent event(String type) {
        return DomainEvent.untyped(type, "org-acme", Instant.parse("2026-11-24T10:00:00Z"), Map.of("userId", "u1"));
    }

    @Test
    void all_events_of_one_write_are_recorded_in_one_call() {
        Update update = Outbox.record(new Update().set("passed", true), event("a.One"), event("a.Two"));

        assertThat(update.modifies(Outbox.FIELD)).isTrue();
        assertThat(update.modifies("passed")).isTrue();
    }

    @Test
    void recording_twice_on_one_update_is_refused_instead_of_losing_the_first_events() {
        Update update = Outbox.record(new Update(), event("a.One"));

        assertThatThrownBy(() -> Outbox.record(update, event("a.Two"))).isInstanceOf(IllegalStateException.class);
    }
}
