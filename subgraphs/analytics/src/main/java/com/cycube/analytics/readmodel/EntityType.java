package com.cycube.analytics.readmodel;

import java.util.List;

/**
 * A kind of entity of the read model (an enrollment, a lab, a learner's answers to one question, ...): where its
 * states live, how a state is stored, and what a state contributes to aggregates.
 *
 * @param <S> the state: a record that {@link org.springframework.data.mongodb.core.MongoTemplate}'s converter maps
 */
public interface EntityType<S> {

    /** The collection of this kind's entity documents. */
    String collection();

    /** The state's class, to read it back. */
    Class<S> stateClass();

    /** A name for messages ("The enrollment"). */
    String what();

    /** Everything {@code state} adds to aggregates; a pure function of the state. */
    List<Contribution> contributions(S state);
}
