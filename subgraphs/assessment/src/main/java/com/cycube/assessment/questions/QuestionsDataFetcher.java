package com.cycube.assessment.questions;

import com.cycube.assessment.AssessmentDataLoaders;
import com.cycube.assessment.answers.AnswerService;
import com.cycube.assessment.answers.FreeTextSubmissionDocument;
import com.cycube.assessment.answers.QuizResultDocument;
import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFacts;
import com.cycube.assessment.federation.CubeReference;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import com.cycube.support.input.Inputs;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Question queries, authoring mutations, and the Question fields that depend on the caller. */
@DgsComponent
public class QuestionsDataFetcher {

    private final QuestionService questions;
    private final CubeFacts cubes;

    public QuestionsDataFetcher(QuestionService questions, CubeFacts cubes) {
        this.questions = questions;
        this.cubes = cubes;
    }

    @DgsQuery
    public QuestionView question(@InputArgument String id, DataFetchingEnvironment env) {
        return questions.visible(caller(env), id).map(QuestionView::of).orElse(null);
    }

    @DgsMutation
    public Map<String, Object> createQuestion(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        QuestionDocument created = questions.create(caller(env), in.string("cubeId"),
                draft(in, in.enumValue("kind", QuestionKind.class)));
        return Map.of("question", QuestionView.of(created));
    }

    @DgsMutation
    public Map<String, Object> updateQuestion(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("question", QuestionView.of(questions.update(caller(env), in.string("questionId"), draft(in, null))));
    }

    @DgsMutation
    public Map<String, Object> archiveQuestion(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        return Map.of("archivedQuestionId", questions.archive(caller(env), Inputs.of(input).string("questionId")));
    }

    @DgsMutation
    public Map<String, Object> setCubePassMark(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        CubeFactDocument cube = cubes.setPassMark(caller(env), in.string("cubeId"), in.integer("passMark"));
        return Map.of("cube", new CubeReference(cube.id()));
    }

    @DgsData(parentType = "Question", field = "cube")
    public CubeReference cube(DataFetchingEnvironment env) {
        QuestionView question = env.getSource();
        return new CubeReference(question.cubeId());
    }

    /** Hint texts only for hints the caller took, or for the cube's authors. */
    @DgsData(parentType = "Question", field = "hints")
    public CompletableFuture<List<Map<String, Object>>> hints(DataFetchingEnvironment env) {
        QuestionView question = env.getSource();
        Caller caller = caller(env);
        CompletableFuture<QuizResultDocument> result = RequestContext.load(env, AssessmentDataLoaders.MY_RESULTS, question.cubeId());
        CompletableFuture<CubeFactDocument> cube = RequestContext.load(env, AssessmentDataLoaders.CUBE_FACTS, question.cubeId());
        return result.thenCombine(cube, (myResult, facts) -> {
            List<String> taken = myResult == null ? List.of() : myResult.state(question.id()).hintsTaken();
            boolean author = facts != null && CubeFacts.canAuthor(caller, facts);
            return question.hintDefinitions().stream().map(hint -> {
                Map<String, Object> view = new LinkedHashMap<>();
                boolean tookIt = taken.contains(hint.id());
                view.put("id", hint.id());
                view.put("penalty", hint.penalty());
                view.put("text", tookIt || author ? hint.text() : null);
                view.put("taken", tookIt);
                return view;
            }).toList();
        });
    }

    @DgsData(parentType = "Question", field = "myProgress")
    public CompletableFuture<AnswerService.Progress> myProgress(DataFetchingEnvironment env) {
        QuestionView question = env.getSource();
        Caller caller = caller(env);
        if (caller.isIntegration() || !caller.isAuthenticated() || caller.organizationId().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<QuizResultDocument> result = RequestContext.load(env, AssessmentDataLoaders.MY_RESULTS, question.cubeId());
        if (question.kind() != QuestionKind.FREE_TEXT) {
            return result.thenApply(myResult -> progress(question,
                    myResult == null ? QuizResultDocument.QuestionState.NONE : myResult.state(question.id())));
        }
        CompletableFuture<List<FreeTextSubmissionDocument>> submissions =
                RequestContext.load(env, AssessmentDataLoaders.MY_FREE_TEXT, question.id());
        return result.thenCombine(submissions, (myResult, mine) -> freeTextProgress(question, mine == null ? List.of() : mine,
                myResult == null ? 0 : myResult.state(question.id()).hintPenalty()));
    }

    private static AnswerService.Progress progress(QuestionView question, QuizResultDocument.QuestionState state) {
        int left = state.solved() ? 0 : Math.max(0, question.maxAttempts() - state.attempts());
        return new AnswerService.Progress(state.attempts(), left, state.solved(), state.points(), state.hintPenalty());
    }

    private static AnswerService.Progress freeTextProgress(QuestionView question, List<FreeTextSubmissionDocument> mine,
                                                           int hintPenalty) {
        boolean solved = mine.stream().anyMatch(s -> Boolean.TRUE.equals(s.correct()));
        int points = mine.stream().filter(s -> Boolean.TRUE.equals(s.correct()))
                .mapToInt(FreeTextSubmissionDocument::points).max().orElse(0);
        int left = solved ? 0 : Math.max(0, question.maxAttempts() - mine.size());
        return new AnswerService.Progress(mine.size(), left, solved, points, hintPenalty);
    }

    /** Reads the create/update input; key fields are passed on as given, for the rules to check. */
    @SuppressWarnings("unchecked")
    static QuestionDraft draft(Inputs in, QuestionKind kind) {
        List<QuestionDraft.OptionDraft> options = in.has("options")
                ? ((List<Map<String, Object>>) in.values().get("options")).stream()
                        .map(option -> new QuestionDraft.OptionDraft((String) option.get("text"),
                                Boolean.TRUE.equals(option.get("correct")))).toList()
                : null;
        List<QuestionDraft.HintDraft> hints = in.has("hints")
                ? ((List<Map<String, Object>>) in.values().get("hints")).stream()
                        .map(hint -> new QuestionDraft.HintDraft((String) hint.get("text"),
                                ((Number) hint.get("penalty")).intValue())).toList()
                : null;
        return new QuestionDraft(kind, in.string("prompt"), options, in.string("flag"),
                (Boolean) in.values().get("flagCaseInsensitive"), number(in, "numericAnswer"), number(in, "tolerance"),
                in.integer("points"), in.integer("maxAttempts"), hints, in.integer("position"));
    }

    private static Double number(Inputs in, String name) {
        Object value = in.values().get(name);
        if (value != null && !(value instanceof Number)) {
            throw DomainException.badInput(name + " must be a number");
        }
        return value == null ? null : ((Number) value).doubleValue();
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
