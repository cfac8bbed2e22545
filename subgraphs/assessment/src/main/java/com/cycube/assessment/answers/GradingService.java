package com.cycube.assessment.answers;

import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.contracts.assessment.AnswerSubmitted;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;

/**
 * The grading queue and grading FREE_TEXT answers: managers of the trainee's organization (never their own answers)
 * and root. A grade is a compare-and-set on the submission's status whose write carries
 * {@code assessment.AnswerSubmitted}, so an answer is graded (and announced) once.
 */
@Service
public class GradingService {

    static final int MAX_FEEDBACK = 2_000;

    private final FreeTextSubmissionStore submissions;
    private final QuestionService questions;
    private final Clock clock;

    public GradingService(FreeTextSubmissionStore submissions, QuestionService questions, Clock clock) {
        this.submissions = submissions;
        this.questions = questions;
        this.clock = clock;
    }

    public Connection<SubmissionView> toGrade(Caller caller, String cubeId, PageRequest page) {
        caller.require(Role.MANAGER, null);
        return Connection.of(submissions.pendingReview(caller, cubeId, page), page,
                submissions.countPendingReview(caller, cubeId)).map(SubmissionView::of);
    }

    public SubmissionView grade(Caller caller, String submissionId, Boolean correct, Integer points, String feedback) {
        caller.require(Role.MANAGER, null);
        if (correct == null) {
            throw DomainException.badInput("correct is required");
        }
        FreeTextSubmissionDocument submission = submissions.find(caller, submissionId)
                .orElseThrow(() -> DomainException.notFound("Submission", submissionId));
        if (submission.userId().equals(caller.subject())) {
            throw DomainException.forbidden("You cannot grade your own answer");
        }
        QuestionDocument question = questions.forGrading(caller, submission.questionId())
                .orElseThrow(() -> DomainException.notFound("Submission", submissionId));
        int given = points != null ? points : correct ? question.points() : 0;
        if (given < 0 || given > question.points()) {
            throw DomainException.badInput("points must be between 0 and the question's points");
        }
        if (!correct && given != 0) {
            throw DomainException.badInput("points must be 0 for an answer that is not correct");
        }
        if (feedback != null && feedback.length() > MAX_FEEDBACK) {
            throw DomainException.badInput("feedback must be at most " + MAX_FEEDBACK + " characters");
        }
        if (!submission.pendingReview()) {
            throw DomainException.conflict("This submission was already graded");
        }
        int awarded = correct ? Math.max(0, given - submission.hintPenalty()) : 0;
        Instant now = clock.instant();
        DomainEvent graded = DomainEvent.of(submission.organizationId(), now, new AnswerSubmitted(submission.userId(),
                submission.cubeId(), submission.questionId(), correct, awarded, submission.attempt(),
                submission.hintsTaken(), caller.subject()));
        return submissions.grade(caller, submission.id(), correct, awarded, feedback == null ? null : feedback.strip(),
                        caller.subject(), now, graded)
                .map(SubmissionView::of)
                .orElseThrow(() -> DomainException.conflict("This submission was already graded"));
    }
}
