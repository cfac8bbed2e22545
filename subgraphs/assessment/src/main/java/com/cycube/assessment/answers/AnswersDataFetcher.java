package com.cycube.assessment.answers;

import com.cycube.assessment.AssessmentDataLoaders;
import com.cycube.assessment.federation.UserReference;
import com.cycube.assessment.questions.Answer;
import com.cycube.assessment.questions.QuestionView;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Answering, hints, grading and the grading queue. */
@DgsComponent
public class AnswersDataFetcher {

    private final AnswerService answers;

    public AnswersDataFetcher(AnswerService answers) {
        this.answers = answers;
    }

    @DgsMutation
    public Map<String, Object> submitAnswer(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        Object number = in.values().get("number");
        Answer answer = new Answer(in.strings("choices"), in.string("flag"),
                number == null ? null : ((Number) number).doubleValue(), in.string("text"));
        AnswerService.Outcome outcome = answers.submit(caller(env), in.string("questionId"), answer);
        Map<String, Object> payload = new HashMap<>();
        payload.put("correct", outcome.correct());
        payload.put("points", outcome.points());
        payload.put("attemptsLeft", outcome.attemptsLeft());
        payload.put("submission", outcome.submission());
        payload.put("quizResult", outcome.quiz());
        return payload;
    }

    @DgsMutation
    public Map<String, Object> takeHint(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        AnswerService.HintTaken taken = answers.takeHint(caller(env), in.string("questionId"), in.string("hintId"));
        Map<String, Object> hint = Map.of("id", taken.hint().id(), "penalty", taken.hint().penalty(),
                "text", taken.hint().text(), "taken", true);
        return Map.of("hint", hint, "progress", taken.progress());
    }

    @DgsMutation
    public Map<String, Object> gradeSubmission(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        Object correct = in.values().get("correct");
        SubmissionView graded = answers.grade(caller(env), in.string("submissionId"), (Boolean) correct,
                in.integer("points"), in.string("feedback"));
        return Map.of("submission", graded);
    }

    @DgsQuery
    public Connection<SubmissionView> submissionsToGrade(@InputArgument String cubeId, @InputArgument Integer first,
                                                         @InputArgument String after, DataFetchingEnvironment env) {
        return answers.toGrade(caller(env), cubeId, PageRequest.of(first, after));
    }

    @DgsData(parentType = "Submission", field = "question")
    public CompletableFuture<QuestionView> question(DataFetchingEnvironment env) {
        SubmissionView submission = env.getSource();
        return RequestContext.load(env, AssessmentDataLoaders.QUESTIONS, submission.questionId());
    }

    @DgsData(parentType = "Submission", field = "user")
    public UserReference user(DataFetchingEnvironment env) {
        SubmissionView submission = env.getSource();
        return new UserReference(submission.userId());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
