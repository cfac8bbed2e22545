package com.cycube.analytics.answers;

import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.Contribution;
import com.cycube.analytics.readmodel.Contributions;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.analytics.readmodel.EntityType;
import com.cycube.analytics.readmodel.Figure;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;

/**
 * Each learner's answers to each question as entities of the read model; together, per question and organization:
 * learners who answered, who answered correctly, their attempts and hints (course analytics: which questions are too
 * hard, or leak).
 */
@Component
public class Answers implements EntityType<AnswerState> {

    public static final String COLLECTION = "answer_facts";

    private final EntityStore store;

    public Answers(EntityStore store) {
        this.store = store;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<AnswerState> stateClass() {
        return AnswerState.class;
    }

    @Override
    public String what() {
        return "The answers";
    }

    public void apply(String eventId, String organizationId, String userId, String cubeId, String questionId,
                      UnaryOperator<AnswerState> change) {
        String id = organizationId + ":" + userId + ":" + questionId;
        store.apply(this, id, organizationId, eventId, current -> change.apply(
                current.orElseGet(() -> AnswerState.empty(organizationId, userId, cubeId, questionId))));
    }

    @Override
    public List<Contribution> contributions(AnswerState answer) {
        AggregateKey question = AggregateKey.question(answer.organizationId(), answer.cubeId(), answer.questionId());
        return new Contributions()
                .add(question, Figure.ANSWERED, answer.attempts() > 0 ? 1 : 0)
                .add(question, Figure.CORRECT, answer.correct() ? 1 : 0)
                .add(question, Figure.ATTEMPTS, answer.attempts())
                .add(question, Figure.HINTS, answer.hints())
                .add(question, Figure.HINTED, answer.hints() > 0 ? 1 : 0)
                .list();
    }
}
