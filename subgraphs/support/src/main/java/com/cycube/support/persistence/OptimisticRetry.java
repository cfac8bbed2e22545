package com.cycube.support.persistence;

import com.cycube.support.errors.DomainException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The one retry policy for optimistic-concurrency (compare-and-set) writes: read, decide, write only if nothing
 * changed since the read; when somebody else changed it first, read again and decide again.
 *
 * <p>Policy: at most {@value #ATTEMPTS} attempts; before each repeat a short random pause (up to 1, 2, 4 … capped
 * at 20 ms) so that writers racing for one document spread out instead of colliding again. When every attempt lost,
 * the caller gets {@code CONFLICT} ("… is changing right now; try again"): nothing was written. In an event handler
 * that exception makes the event come back later, which is what a handler wants too.
 *
 * <pre>{@code
 * return OptimisticRetry.until("The lab", () -> {
 *     LabInstanceDocument lab = read(...);         // fresh on every attempt
 *     if (!lab.state().isActive()) throw DomainException.conflict(...);   // rules may end it early
 *     return store.compareAndSet(lab, update);     // empty when the document changed in between
 * });
 * }</pre>
 */
public final class OptimisticRetry {

    /** How many times an attempt is made before giving up. */
    public static final int ATTEMPTS = 10;
    private static final long MAX_PAUSE_NANOS = 20_000_000L;

    private OptimisticRetry() {
    }

    /**
     * Runs {@code attempt} until it returns a value (its write won) or {@value #ATTEMPTS} attempts lost; each
     * attempt must read what it decides on itself. Exceptions thrown by an attempt end the retries at once.
     *
     * @param what what is being changed, for the message: "The lab", "The enrollment"
     * @throws DomainException CONFLICT when every attempt lost the race
     */
    public static <T> T until(String what, Supplier<Optional<T>> attempt) {
        for (int number = 1; number <= ATTEMPTS; number++) {
            Optional<T> won = attempt.get();
            if (won.isPresent()) {
                return won.get();
            }
            pauseBefore(number + 1);
        }
        throw DomainException.conflict(what + " is changing right now; try again");
    }

    /** Like {@link #until} for writes that have no result: {@code attempt} returns whether its write won. */
    public static void run(String what, Supplier<Boolean> attempt) {
        until(what, () -> Boolean.TRUE.equals(attempt.get()) ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private static void pauseBefore(int number) {
        if (number > ATTEMPTS) {
            return;
        }
        long bound = Math.min(MAX_PAUSE_NANOS, 1_000_000L << Math.min(number - 2, 10));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
