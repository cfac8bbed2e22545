package com.cycube.assessment.questions;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Questions for nested fields and federation, batched per request: what the caller may not see is absent. */
public final class QuestionDataLoaders {

    public static final String QUESTIONS = "questions";
    public static final String QUESTIONS_BY_CUBE = "questionsByCube";

    private QuestionDataLoaders() {
    }

    /** Questions by id (active, visible). */
    @DgsDataLoader(name = QUESTIONS)
    public static class Questions extends CallerBatchLoader<String, QuestionView> {
        private final QuestionService questions;

        public Questions(QuestionService questions) {
            this.questions = questions;
        }

        @Override
        protected Map<String, QuestionView> loadFor(Caller caller, Set<String> ids) {
            return questions.visibleByIds(caller, ids).stream().map(QuestionView::of)
                    .collect(Collectors.toMap(QuestionView::id, Function.identity()));
        }
    }

    /** The active questions of each cube, in order; an empty list for cubes without (visible) questions. */
    @DgsDataLoader(name = QUESTIONS_BY_CUBE)
    public static class QuestionsByCube extends CallerBatchLoader<String, List<QuestionView>> {
        private final QuestionService questions;

        public QuestionsByCube(QuestionService questions) {
            this.questions = questions;
        }

        @Override
        protected Map<String, List<QuestionView>> loadFor(Caller caller, Set<String> cubeIds) {
            Map<String, List<QuestionView>> byCube = new HashMap<>();
            cubeIds.forEach(id -> byCube.put(id, new ArrayList<>()));
            questions.ofCubes(caller, cubeIds).forEach(question -> byCube.get(question.cubeId()).add(QuestionView.of(question)));
            return byCube;
        }
    }
}
