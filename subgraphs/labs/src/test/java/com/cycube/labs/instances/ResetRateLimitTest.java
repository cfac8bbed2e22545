package com.cycube.labs.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.LabsProperties;
import com.cycube.labs.Ops;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every reset starts a new VM, so resets are rate-limited per lab (3 an hour) and per user (5 an hour in these
 * tests), counted in MongoDB so that the limit holds across instances. A refused reset is RATE_LIMITED, says when to
 * try again and changes nothing; resets that did not happen (refused for any reason) do not count.
 */
class ResetRateLimitTest extends LabsIntegrationTest {

    @Autowired
    ResetRateLimitStore counters;

    @Autowired
    LabsProperties properties;

    private GraphQlClient.Response reset(Persona persona, String id) {
        return as(persona, Ops.RESET, Map.of("input", Map.of("id", id)));
    }

    /** Resets the lab and drives it back to RUNNING. */
    private void resetAndRun(Persona persona, String id) {
        reset(persona, id).assertNoErrors();
        clock.advance(Duration.ofSeconds(4));
        driver.tick();
        assertThat(stored(id).state()).isEqualTo(LabState.RUNNING);
    }

    /** A running lab that lives 4 hours (so that the clock can move past the rate-limit window). */
    private String longRunning(Persona persona, String cubeId) {
        String id = running(persona, cubeId);
        as(persona, Ops.EXTEND, Map.of("input", Map.of("id", id, "minutes", 180))).assertNoErrors();
        return id;
    }

    @Test
    void a_lab_can_be_reset_three_times_an_hour_and_the_fourth_is_rate_limited_saying_when_to_try_again() {
        String id = longRunning(Persona.ACME_TRAINEE, "cube-linux-lab");
        for (int i = 0; i < 3; i++) {
            resetAndRun(Persona.ACME_TRAINEE, id);
            clock.advance(Duration.ofMinutes(10));
        }
        LabInstanceDocument before = stored(id);

        GraphQlClient.Response refused = reset(Persona.ACME_TRAINEE, id);
        assertThat(refused.errorCodes()).containsExactly("RATE_LIMITED");
        assertThat(refused.body()).contains("at most 3", "try again in").doesNotContain("Exception");
        assertThat(stored(id)).isEqualTo(before);
        // the first reset was ~30 minutes (and 8 s of boots) ago: the window frees up in about 30 minutes
        Matcher minutes = Pattern.compile("try again in (\\d+) minutes").matcher(refused.body());
        assertThat(minutes.find()).isTrue();
        assertThat(Integer.parseInt(minutes.group(1))).isBetween(29, 30);

        // a manager of the organization is refused too: the limit is the lab's, not the caller's
        assertThat(reset(Persona.ACME_MANAGER, id).errorCodes()).containsExactly("RATE_LIMITED");
        assertThat(stored(id)).isEqualTo(before);

        clock.advance(Duration.ofMinutes(31));
        resetAndRun(Persona.ACME_TRAINEE, id);
    }

    @Test
    void a_user_can_reset_at_most_five_labs_an_hour_across_labs_while_colleagues_are_not_affected() {
        String first = longRunning(Persona.ACME_TRAINEE, "cube-1");
        String second = longRunning(Persona.ACME_TRAINEE, "cube-2");
        String third = longRunning(Persona.ACME_TRAINEE, "cube-3");
        resetAndRun(Persona.ACME_TRAINEE, first);
        resetAndRun(Persona.ACME_TRAINEE, first);
        resetAndRun(Persona.ACME_TRAINEE, second);
        resetAndRun(Persona.ACME_TRAINEE, second);
        resetAndRun(Persona.ACME_TRAINEE, third);
        LabInstanceDocument before = stored(third);

        GraphQlClient.Response refused = reset(Persona.ACME_TRAINEE, third);
        assertThat(refused.errorCodes()).containsExactly("RATE_LIMITED");
        assertThat(refused.body()).contains("at most 5", "try again in");
        assertThat(stored(third)).isEqualTo(before);

        // the lab's own allowance was not used up by the refused reset: a manager resets it once more
        resetAndRun(Persona.ACME_MANAGER, third);
        as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", first))).assertNoErrors(); // a place for the colleague
        String colleagues = longRunning(LabAuthorizationTest.OTHER_ACME_TRAINEE, "cube-1");
        resetAndRun(LabAuthorizationTest.OTHER_ACME_TRAINEE, colleagues);
    }

    @Test
    void a_reset_refused_for_another_reason_does_not_count() {
        String id = longRunning(Persona.ACME_TRAINEE, "cube-linux-lab");
        reset(Persona.ACME_TRAINEE, id).assertNoErrors();                                    // 1: now PROVISIONING
        assertThat(reset(Persona.ACME_TRAINEE, id).errorCodes()).containsExactly("CONFLICT"); // not RUNNING
        assertThat(reset(Persona.ACME_TRAINEE, id).errorCodes()).containsExactly("CONFLICT");
        assertThat(reset(Persona.GLOBEX_TRAINEE, id).errorCodes()).containsExactly("NOT_FOUND");
        clock.advance(Duration.ofSeconds(4));
        driver.tick();
        resetAndRun(Persona.ACME_TRAINEE, id);                                                 // 2
        resetAndRun(Persona.ACME_TRAINEE, id);                                                 // 3
        assertThat(reset(Persona.ACME_TRAINEE, id).errorCodes()).containsExactly("RATE_LIMITED");
    }

    @Test
    void the_count_lives_in_the_database_so_another_instance_refuses_too() {
        String id = longRunning(Persona.ACME_TRAINEE, "cube-linux-lab");
        for (int i = 0; i < 3; i++) {
            resetAndRun(Persona.ACME_TRAINEE, id);
        }
        // a second labs instance: its own limiter and store on the same database
        ResetRateLimiter otherInstance = new ResetRateLimiter(new ResetRateLimitStore(mongo), clock, properties);
        assertThatThrownBy(() -> otherInstance.acquire(acmeTrainee(1), stored(id)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED));
    }

    @Test
    void parallel_resets_of_one_lab_never_get_past_the_limit() {
        LabInstanceDocument lab = stored(longRunning(Persona.ACME_TRAINEE, "cube-linux-lab"));
        ResetRateLimiter limiter = new ResetRateLimiter(counters, clock, properties);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Boolean>> attempts = IntStream.range(0, 10).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    limiter.acquire(acmeTrainee(i), lab); // ten different people: only the lab's limit applies
                    return true;
                } catch (DomainException refused) {
                    assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }, pool)).toList();
            start.countDown();
            assertThat(attempts.stream().map(CompletableFuture::join).filter(Boolean::booleanValue)).hasSize(3);
        } finally {
            pool.shutdown();
        }
    }

    private static Caller acmeTrainee(int number) {
        return new Caller("acme-trainee-" + number, Caller.Kind.PERSON, Optional.of(Role.TRAINEE), Optional.of(Persona.ACME),
                Set.of(), null, null, null);
    }
}
