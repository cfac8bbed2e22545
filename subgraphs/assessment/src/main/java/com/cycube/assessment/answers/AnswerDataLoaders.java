package com.cycube.assessment.answers;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The caller's own answers, batched: one read per response level; nothing for callers who do not answer. */
public final class AnswerDataLoaders {

    public static final String MY_RESULTS = "myResults";
    public static final String MY_QUIZ_SCORES = "myQuizScores";
    public static final String MY_FREE_TEXT = "myFreeTextSubmissions";

    private AnswerDataLoaders() {
    }

    /** The caller's quiz results by cube id. */
    @DgsDataLoader(name = MY_RESULTS)
    public static class MyResults extends CallerBatchLoader<String, QuizResultDocument> {
        private final QuizResultService results;

        public MyResults(QuizResultService results) {
            this.results = results;
        }

        @Override
        protected Map<String, QuizResultDocument> loadFor(Caller caller, Set<String> cubeIds) {
            return results.myResults(caller, cubeIds);
        }
    }

    /** The caller's score per cube ({@code Cube.quizResult}): only cubes the caller answered and may see. */
    @DgsDataLoader(name = MY_QUIZ_SCORES)
    public static class MyQuizScores extends CallerBatchLoader<String, QuizScore> {
        private final QuizResultService results;

        public MyQuizScores(QuizResultService results) {
            this.results = results;
        }

        @Override
        protected Map<String, QuizScore> loadFor(Caller caller, Set<String> cubeIds) {
            return results.myScores(caller, cubeIds);
        }
    }

    /** The caller's FREE_TEXT submissions by question id. */
    @DgsDataLoader(name = MY_FREE_TEXT)
    public static class MyFreeText extends CallerBatchLoader<String, List<FreeTextSubmissionDocument>> {
        private final QuizResultService results;

        public MyFreeText(QuizResultService results) {
            this.results = results;
        }

        @Override
        protected Map<String, List<FreeTextSubmissionDocument>> loadFor(Caller caller, Set<String> questionIds) {
            return results.myFreeText(caller, questionIds);
        }
    }
}
