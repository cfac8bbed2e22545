package com.cycube.analytics.readmodel;

import java.util.Objects;

/**
 * One number an entity of the read model adds to one figure of one aggregate: the enrollment of a learner adds 1 to
 * {@code enrollments} of its organization's aggregate, a completed one adds its score to {@code scoreSum}. An
 * aggregate's figure is always the sum of the contributions of the entities' current states (ADR 19).
 *
 * @param aggregate the aggregate's identity, see {@link AggregateKey}
 * @param field     a field path inside the aggregate's figures, segments joined by dots and encoded with
 *                  {@link FieldKeys#segment(String)} where they come from ids
 * @param value     what the entity adds (never 0 in a contribution list)
 */
public record Contribution(AggregateKey aggregate, String field, long value) {

    public Contribution {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(field, "field");
    }
}
