package com.cycube.labs.instances;

import static com.cycube.labs.instances.LabState.EXPIRED;
import static com.cycube.labs.instances.LabState.FAILED;
import static com.cycube.labs.instances.LabState.PROVISIONING;
import static com.cycube.labs.instances.LabState.REQUESTED;
import static com.cycube.labs.instances.LabState.RUNNING;
import static com.cycube.labs.instances.LabState.STOPPING;
import static com.cycube.labs.instances.LabState.TERMINATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lab life cycle, every one of the 49 (from, to) pairs. */
class LabStateMachineTest {

    /** The specification, written out independently of the implementation's table. */
    static final Map<LabState, Set<LabState>> SPEC = Map.of(
            REQUESTED, EnumSet.of(PROVISIONING, STOPPING, FAILED, EXPIRED),
            PROVISIONING, EnumSet.of(RUNNING, STOPPING, FAILED, EXPIRED),
            RUNNING, EnumSet.of(PROVISIONING, STOPPING, FAILED, EXPIRED),
            STOPPING, EnumSet.of(TERMINATED),
            TERMINATED, EnumSet.noneOf(LabState.class),
            FAILED, EnumSet.noneOf(LabState.class),
            EXPIRED, EnumSet.noneOf(LabState.class));

    static Stream<Arguments> allowed() {
        List<Arguments> pairs = new ArrayList<>();
        SPEC.forEach((from, tos) -> tos.forEach(to -> pairs.add(Arguments.of(from, to))));
        return pairs.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> pairs = new ArrayList<>();
        for (LabState from : LabState.values()) {
            for (LabState to : LabState.values()) {
                if (!SPEC.get(from).contains(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowed")
    void every_step_of_the_life_cycle_is_allowed(LabState from, LabState to) {
        assertThat(LabStateMachine.allows(from, to)).isTrue();
        assertThatCode(() -> LabStateMachine.requireAllowed(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("refused")
    void every_other_move_is_refused_as_a_conflict(LabState from, LabState to) {
        assertThat(LabStateMachine.allows(from, to)).isFalse();
        assertThatThrownBy(() -> LabStateMachine.requireAllowed(from, to))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void terminated_failed_and_expired_are_final_and_nothing_leaves_them() {
        assertThat(LabState.FINAL).containsExactlyInAnyOrder(TERMINATED, FAILED, EXPIRED);
        LabState.FINAL.forEach(state -> assertThat(LabStateMachine.next(state)).isEmpty());
    }

    @Test
    void only_requested_provisioning_and_running_labs_are_active() {
        assertThat(EnumSet.allOf(LabState.class).stream().filter(LabState::isActive))
                .containsExactlyInAnyOrder(REQUESTED, PROVISIONING, RUNNING);
    }

    @Test
    void every_state_can_be_reached_from_requested() {
        Set<LabState> reached = EnumSet.of(REQUESTED);
        List<LabState> frontier = new ArrayList<>(reached);
        while (!frontier.isEmpty()) {
            LabState state = frontier.remove(0);
            for (LabState next : LabStateMachine.next(state)) {
                if (reached.add(next)) {
                    frontier.add(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(LabState.values());
    }
}
