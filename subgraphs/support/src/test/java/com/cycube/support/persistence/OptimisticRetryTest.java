package com.cycube.support.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimisticRetryTest {

    /** A stored counter with a version, written only if the version is still the one read (compare-and-set). */
    private static final class Counter {
        private int value;
        private int version;
        int reads;
        int racesToLose;

        synchronized int[] read() {
            reads++;
            return new int[] {value, version};
        }

        synchronized boolean compareAndSet(int readVersion, int newValue) {
            if (racesToLose > 0) { // somebody else writes between our read and our write
                racesToLose--;
                value += 100;
                version++;
            }
            if (version != readVersion) {
                return false;
            }
            value = newValue;
            version++;
            return true;
        }
    }

    private final Counter counter = new Counter();

    private Optional<Integer> addOne() {
        int[] read = counter.read();
        int next = read[0] + 1;
        return counter.compareAndSet(read[1], next) ? Optional.of(next) : Optional.empty();
    }

    @Test
    void the_first_attempt_that_wins_returns_its_result() {
        assertThat(OptimisticRetry.until("The counter", this::addOne)).isEqualTo(1);
        assertThat(counter.reads).isEqualTo(1);
    }

    @Test
    void a_lost_attempt_is_retried_deciding_on_a_fresh_read() {
        counter.racesToLose = 2;

        int result = OptimisticRetry.until("The counter", this::addOne);

        assertThat(counter.reads).isEqualTo(3);
        assertThat(result).as("decided on the value the two other writers left").isEqualTo(201);
        assertThat(counter.value).isEqualTo(201);
    }

    @Test
    void after_ten_lost_attempts_it_gives_up_with_CONFLICT_and_writes_nothing() {
        counter.racesToLose = Integer.MAX_VALUE;

        assertThatThrownBy(() -> OptimisticRetry.until("The counter", this::addOne))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessage("The counter is changing right now; try again");
        assertThat(counter.reads).isEqualTo(OptimisticRetry.ATTEMPTS).isEqualTo(10);
        assertThat(counter.value).as("only the other writers' changes").isEqualTo(1000);
    }

    @Test
    void an_exception_thrown_by_an_attempt_ends_the_retries_at_once() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> OptimisticRetry.until("The counter", () -> {
            attempts.incrementAndGet();
            throw DomainException.badInput("The counter cannot go higher");
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void an_attempt_may_stop_early_without_writing_by_returning_its_result() {
        AtomicInteger attempts = new AtomicInteger();

        String result = OptimisticRetry.until("The enrollment", () -> {
            attempts.incrementAndGet();
            return Optional.of("already applied");
        });

        assertThat(result).isEqualTo("already applied");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void run_repeats_a_write_without_result_until_it_won_or_gives_up() {
        counter.racesToLose = 1;
        OptimisticRetry.run("The counter", () -> addOne().isPresent());
        assertThat(counter.reads).isEqualTo(2);

        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> OptimisticRetry.run("The note", () -> attempts.incrementAndGet() < 0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(attempts).hasValue(10);
    }
}
