package com.cycube.assessment.answers;

import com.cycube.assessment.questions.Answer;
import com.cycube.assessment.questions.QuestionDataLoaders;
import com.cycube.assessment.questions.QuestionView;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Answering, hints, grading and the grading queue. */
@DgsComponent
public class AnswersDataFetcher {

    /** An answer is never printed (logs, errors): only the question it answers. */
    public record SubmitAnswerInput(String questionId, List<String> choices, String flag, Double number, String text) {

        Answer answer() {
            return new Answer(choices, flag, number, text);
        }

        @Override
        public String toString() {
            return "SubmitAnswerInput[questionId=" + questionId + ", answer redacted]";
        }
    }

    public record TakeHintInput(String questionId, String hintId) {
    }

    public record GradeSubmissionInput(String submissionId, Boolean correct, Integer points, String feedback) {
    }

    public record GradeSubmissionPayload(SubmissionView submission) {
    }

    private final AnswerSubmissionService answers;
    private final HintService hints;
    private final GradingService grading;

    public AnswersDataFetcher(AnswerSubmissionService answers, HintService hints, GradingService grading) {
        this.answers = answers;
        this.hints = hints;
        this.grading = grading;
    }

    @DgsMutation
    public SubmitAnswerPayload submitAnswer(@InputArgument SubmitAnswerInput input, DataFetchingEnvironment env) {
        return answers.submit(caller(env), input.questionId(), input.answer());
    }

    @DgsMutation
    public TakeHintPayload takeHint(@InputArgument TakeHintInput input, DataFetchingEnvironment env) {
        return hints.takeHint(caller(env), input.questionId(), input.hintId());
    }

    @DgsMutation
    public GradeSubmissionPayload gradeSubmission(@InputArgument GradeSubmissionInput input, DataFetchingEnvironment env) {
        return new GradeSubmissionPayload(grading.grade(caller(env), input.submissionId(), input.correct(),
                input.points(), input.feedback()));
    }

    @DgsQuery
    public Connection<SubmissionView> submissionsToGrade(@InputArgument String cubeId, @InputArgument Integer first,
                                                         @InputArgument String after, DataFetchingEnvironment env) {
        return grading.toGrade(caller(env), cubeId, PageRequest.of(first, after));
    }

    @DgsData(parentType = "Submission", field = "question")
    public CompletableFuture<QuestionView> question(DataFetchingEnvironment env) {
        SubmissionView submission = env.getSource();
        return RequestContext.load(env, QuestionDataLoaders.QUESTIONS, submission.questionId());
    }

    @DgsData(parentType = "Submission", field = "user")
    public EntityReference user(DataFetchingEnvironment env) {
        SubmissionView submission = env.getSource();
        return new EntityReference("User", submission.userId());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
