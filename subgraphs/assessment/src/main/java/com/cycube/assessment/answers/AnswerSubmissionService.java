package com.cycube.assessment.answers;

import com.cycube.assessment.answers.QuizResultDocument.Attempt;
import com.cycube.assessment.answers.QuizResultDocument.QuestionState;
import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFactService;
import com.cycube.assessment.questions.Answer;
import com.cycube.assessment.questions.FlagHasher;
import com.cycube.assessment.questions.Grader;
import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionKind;
import com.cycube.assessment.questions.QuestionService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.contracts.assessment.QuizFailed;
import com.cycube.support.contracts.assessment.QuizPassed;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.persistence.OptimisticRetry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Answering a question. An auto-graded answer is a compare-and-set on the trainee's {@link QuizResultDocument} for
 * the cube that carries {@code assessment.AnswerSubmitted} (with the number of the question's hints revealed so far)
 * — and, in the write that reaches the pass mark, the pass and {@code assessment.QuizPassed}, so racing answers pass
 * (and announce) a quiz once. Likewise the write after which the quiz can no longer be passed (every question solved
 * or out of attempts, the points under the pass mark) records the failure and {@code assessment.QuizFailed}, once and
 * never for a passed quiz. A FREE_TEXT answer is a {@link FreeTextSubmissionDocument} waiting for a grade; it keeps the
 * hints revealed when it was submitted. Refusals (bad input, rate limit, no attempts left, already solved) write
 * nothing but the rate-limit counter.
 */
@Service
public class AnswerSubmissionService {

    private final QuizResultStore results;
    private final FreeTextSubmissionStore submissions;
    private final QuestionService questions;
    private final CubeFactService cubes;
    private final Grader grader;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public AnswerSubmissionService(QuizResultStore results, FreeTextSubmissionStore submissions,
                                   QuestionService questions, CubeFactService cubes, FlagHasher flags,
                                   RateLimiter rateLimiter, Clock clock) {
        this.results = results;
        this.submissions = submissions;
        this.questions = questions;
        this.cubes = cubes;
        this.grader = new Grader(flags);
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    public SubmitAnswerPayload submit(Caller caller, String questionId, Answer answer) {
        caller.require(Role.TRAINEE, null);
        String organizationId = caller.requireOrganization();
        QuestionDocument question = questions.visible(caller, questionId)
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
        Grader.checkShape(question, answer);
        rateLimiter.acquire(caller.subject(), question.kind() == QuestionKind.FLAG);
        if (question.kind() == QuestionKind.FREE_TEXT) {
            return submitFreeText(caller, organizationId, question, answer.text());
        }
        CubeFactDocument cube = cubes.visible(caller, question.cubeId())
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
        // refused before grading: grading a flag is deliberately slow
        refuseWhenDone(question, results.findOrCreate(caller, organizationId, cube.id(), clock.instant())
                .state(question.id()));
        boolean correct = grader.isCorrect(question, answer);
        List<QuestionDocument> cubeQuestions = questions.ofCubes(caller, List.of(cube.id()));
        int passMark = cube.passMarkOr(cubes.defaultPassMark());
        return OptimisticRetry.until("Your result on this cube", () -> {
            QuizResultDocument result = results.findOrCreate(caller, organizationId, cube.id(), clock.instant());
            QuestionState state = result.state(question.id());
            refuseWhenDone(question, state);
            Instant now = clock.instant();
            int points = correct ? Math.max(0, question.points() - state.hintPenalty()) : 0;
            Attempt attempt = new Attempt(state.attempts() + 1, correct, points, now);
            List<DomainEvent> events = new ArrayList<>();
            events.add(DomainEvent.of(organizationId, now, new AnswerSubmitted(caller.subject(), cube.id(),
                    question.id(), correct, points, attempt.attempt(), state.hintsTaken().size())));
            QuizResultDocument answered = result.withAnswer(question.id(), attempt);
            QuizScore after = QuizScore.of(cube.id(), cubeQuestions, answered, passMark);
            boolean passes = correct && !result.passed() && cube.isAssessable() && after.reachesPassMark();
            if (passes) {
                events.add(DomainEvent.of(organizationId, now, new QuizPassed(caller.subject(), cube.id(),
                        after.score(), after.points(), after.maxPoints())));
            }
            boolean fails = !passes && !result.passed() && !result.failed() && cube.isAssessable()
                    && after.maxPoints() > 0 && !after.reachesPassMark()
                    && QuizScore.nothingLeftToAnswer(cubeQuestions, answered);
            if (fails) {
                events.add(DomainEvent.of(organizationId, now, new QuizFailed(caller.subject(), cube.id(),
                        after.score(), after.points(), after.maxPoints())));
            }
            return results.recordAnswer(caller, result, question.id(), attempt, passes ? after.score() : null, fails,
                            events)
                    .map(stored -> new SubmitAnswerPayload(correct, points,
                            correct ? 0 : Math.max(0, question.maxAttempts() - attempt.attempt()),
                            SubmissionView.graded(stored, question.id(), attempt),
                            QuizScore.of(cube.id(), cubeQuestions, stored, passMark)));
        });
    }

    private static void refuseWhenDone(QuestionDocument question, QuestionState state) {
        if (state.solved()) {
            throw DomainException.conflict("This question was already answered correctly");
        }
        if (state.attempts() >= question.maxAttempts()) {
            throw DomainException.conflict("No attempts left for this question");
        }
    }

    private SubmitAnswerPayload submitFreeText(Caller caller, String organizationId, QuestionDocument question,
                                               String text) {
        List<FreeTextSubmissionDocument> previous = submissions.ofUser(caller, caller.subject(), List.of(question.id()));
        if (previous.stream().anyMatch(FreeTextSubmissionDocument::gradedCorrect)) {
            throw DomainException.conflict("This question was already answered correctly");
        }
        if (previous.stream().anyMatch(FreeTextSubmissionDocument::pendingReview)) {
            throw DomainException.conflict("Your previous answer to this question is awaiting review");
        }
        if (previous.size() >= question.maxAttempts()) {
            throw DomainException.conflict("No attempts left for this question");
        }
        int number = previous.size() + 1;
        QuestionState hints = results.find(caller, QuizResultDocument.idOf(caller.subject(), question.cubeId()))
                .map(result -> result.state(question.id())).orElse(QuestionState.NONE);
        FreeTextSubmissionDocument submission = new FreeTextSubmissionDocument(
                FreeTextSubmissionDocument.idOf(caller.subject(), question.id(), number), organizationId,
                caller.subject(), question.cubeId(), question.id(), number, FreeTextSubmissionDocument.PENDING_REVIEW,
                null, 0, hints.hintPenalty(), hints.hintsTaken().size(), text.strip(), null, clock.instant(), null, null);
        if (!submissions.insertNew(caller, submission)) {
            throw DomainException.conflict("Another answer to this question was just submitted");
        }
        return new SubmitAnswerPayload(null, 0, Math.max(0, question.maxAttempts() - number),
                SubmissionView.of(submission), null);
    }
}
