package com.cycube.assessment.questions;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question attached to a cube, with its answer key. {@code organizationId} is the cube's owner (null: a cube
 * of a GLOBAL course), so the tenant scoping of questions is the scoping of their cube. Never handed to GraphQL
 * as is: {@link QuestionView} is what the schema sees.
 */
@Document(QuestionDocument.COLLECTION)
public record QuestionDocument(@Id String id, String organizationId, String cubeId, QuestionKind kind, String prompt,
                               List<Option> options, int points, int maxAttempts, List<HintDefinition> hints,
                               int position, boolean archived, AnswerKey key, String authorId, Instant createdAt,
                               Instant updatedAt) implements TenantOwned {

    public static final String COLLECTION = "questions";

    public QuestionDocument {
        options = options == null ? List.of() : options;
        hints = hints == null ? List.of() : hints;
        key = key == null ? AnswerKey.NONE : key;
    }

    /** One option of a choice question. */
    public record Option(String id, String text) {
    }

    /** A hint and the points it costs. */
    public record HintDefinition(String id, String text, int penalty) {
    }

    public java.util.Optional<HintDefinition> hint(String hintId) {
        return hints.stream().filter(hint -> hint.id().equals(hintId)).findFirst();
    }

    @Override
    public String toString() {
        return "Question[" + id + ", cube " + cubeId + ", " + kind + "]";
    }
}
