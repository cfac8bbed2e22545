package com.cycube.assessment.questions;

import com.cycube.assessment.answers.AnswerDataLoaders;
import com.cycube.assessment.answers.FreeTextSubmissionDocument;
import com.cycube.assessment.answers.QuestionProgress;
import com.cycube.assessment.answers.QuizResultDocument;
import com.cycube.assessment.answers.QuizResultService;
import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFactService;
import com.cycube.assessment.cubes.CubeFactsDataLoader;
import com.cycube.assessment.questions.QuestionDraft.HintDraft;
import com.cycube.assessment.questions.QuestionDraft.OptionDraft;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Question queries, authoring mutations, and the Question fields that depend on the caller. */
@DgsComponent
public class QuestionsDataFetcher {

    /** Carries the answer key: never printed. */
    public record CreateQuestionInput(String cubeId, QuestionKind kind, String prompt, List<OptionDraft> options,
                                      String flag, Boolean flagCaseInsensitive, Double numericAnswer, Double tolerance,
                                      Integer points, Integer maxAttempts, List<HintDraft> hints, Integer position) {

        QuestionDraft draft() {
            return new QuestionDraft(kind, prompt, options, flag, flagCaseInsensitive, numericAnswer, tolerance, points,
                    maxAttempts, hints, position);
        }

        @Override
        public String toString() {
            return "CreateQuestionInput[cubeId=" + cubeId + ", kind=" + kind + ", redacted]";
        }
    }

    /** Omitted fields stay unchanged; carries answer-key changes: never printed. */
    public record UpdateQuestionInput(String questionId, String prompt, List<OptionDraft> options, String flag,
                                      Boolean flagCaseInsensitive, Double numericAnswer, Double tolerance,
                                      Integer points, Integer maxAttempts, List<HintDraft> hints, Integer position) {

        QuestionDraft changes() {
            return new QuestionDraft(null, prompt, options, flag, flagCaseInsensitive, numericAnswer, tolerance, points,
                    maxAttempts, hints, position);
        }

        @Override
        public String toString() {
            return "UpdateQuestionInput[questionId=" + questionId + ", redacted]";
        }
    }

    public record ArchiveQuestionInput(String questionId) {
    }

    public record SetCubePassMarkInput(String cubeId, Integer passMark) {
    }

    /** createQuestion's and updateQuestion's payload. */
    public record QuestionPayload(QuestionView question) {
    }

    public record ArchiveQuestionPayload(String archivedQuestionId) {
    }

    public record SetCubePassMarkPayload(EntityReference cube) {
    }

    private final QuestionService questions;
    private final CubeFactService cubes;

    public QuestionsDataFetcher(QuestionService questions, CubeFactService cubes) {
        this.questions = questions;
        this.cubes = cubes;
    }

    @DgsQuery
    public QuestionView question(@InputArgument String id, DataFetchingEnvironment env) {
        return questions.visible(caller(env), id).map(QuestionView::of).orElse(null);
    }

    @DgsMutation
    public QuestionPayload createQuestion(@InputArgument CreateQuestionInput input, DataFetchingEnvironment env) {
        return new QuestionPayload(QuestionView.of(questions.create(caller(env), input.cubeId(), input.draft())));
    }

    @DgsMutation
    public QuestionPayload updateQuestion(@InputArgument UpdateQuestionInput input, DataFetchingEnvironment env) {
        return new QuestionPayload(QuestionView.of(questions.update(caller(env), input.questionId(), input.changes())));
    }

    @DgsMutation
    public ArchiveQuestionPayload archiveQuestion(@InputArgument ArchiveQuestionInput input, DataFetchingEnvironment env) {
        return new ArchiveQuestionPayload(questions.archive(caller(env), input.questionId()));
    }

    @DgsMutation
    public SetCubePassMarkPayload setCubePassMark(@InputArgument SetCubePassMarkInput input, DataFetchingEnvironment env) {
        CubeFactDocument cube = cubes.setPassMark(caller(env), input.cubeId(), input.passMark());
        return new SetCubePassMarkPayload(new EntityReference("Cube", cube.id()));
    }

    @DgsData(parentType = "Question", field = "cube")
    public EntityReference cube(DataFetchingEnvironment env) {
        QuestionView question = env.getSource();
        return new EntityReference("Cube", question.cubeId());
    }

    /** Hint texts only for hints the caller took, or for the cube's authors. */
    @DgsData(parentType = "Question", field = "hints")
    public CompletableFuture<List<HintView>> hints(DataFetchingEnvironment env) {
        QuestionView question = env.getSource();
        Caller caller = caller(env);
        CompletableFuture<QuizResultDocument> result = RequestContext.load(env, AnswerDataLoaders.MY_RESULTS, question.cubeId());
        CompletableFuture<CubeFactDocument> cube = RequestContext.load(env, CubeFactsDataLoader.NAME, question.cubeId());
        return result.thenCombine(cube, (myResult, facts) -> {
            List<String> taken = myResult == null ? List.of() : myResult.state(question.id()).hintsTaken();
            boolean author = facts != null && CubeFactService.canAuthor(caller, facts);
            return question.hintDefinitions().stream()
                    .map(hint -> HintView.of(hint, taken.contains(hint.id()), author)).toList();
        });
    }

    @DgsData(parentType = "Question", field = "myProgress")
    public CompletableFuture<QuestionProgress> myProgress(DataFetchingEnvironment env) {
        QuestionView question = env.getSource();
        if (!QuizResultService.answersAsTrainee(caller(env))) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<QuizResultDocument> result = RequestContext.load(env, AnswerDataLoaders.MY_RESULTS, question.cubeId());
        if (question.kind() != QuestionKind.FREE_TEXT) {
            return result.thenApply(myResult -> QuestionProgress.of(question.maxAttempts(),
                    myResult == null ? QuizResultDocument.QuestionState.NONE : myResult.state(question.id())));
        }
        CompletableFuture<List<FreeTextSubmissionDocument>> submissions =
                RequestContext.load(env, AnswerDataLoaders.MY_FREE_TEXT, question.id());
        return result.thenCombine(submissions, (myResult, mine) -> QuestionProgress.ofFreeText(question.maxAttempts(),
                mine == null ? List.of() : mine, myResult == null ? 0 : myResult.state(question.id()).hintPenalty()));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
