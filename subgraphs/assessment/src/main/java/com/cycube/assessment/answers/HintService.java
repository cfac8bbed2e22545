package com.cycube.assessment.answers;

import com.cycube.assessment.answers.QuizResultDocument.QuestionState;
import com.cycube.assessment.questions.HintView;
import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionDocument.HintDefinition;
import com.cycube.assessment.questions.QuestionKind;
import com.cycube.assessment.questions.QuestionService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.persistence.OptimisticRetry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Taking hints: a compare-and-set on the trainee's {@link QuizResultDocument} for the cube that records the hint and
 * its penalty once. The penalty counts only while the question can still be answered (not solved, attempts left).
 */
@Service
public class HintService {

    private final QuizResultStore results;
    private final FreeTextSubmissionStore submissions;
    private final QuestionService questions;
    private final Clock clock;

    public HintService(QuizResultStore results, FreeTextSubmissionStore submissions, QuestionService questions,
                       Clock clock) {
        this.results = results;
        this.submissions = submissions;
        this.questions = questions;
        this.clock = clock;
    }

    public TakeHintPayload takeHint(Caller caller, String questionId, String hintId) {
        caller.require(Role.TRAINEE, null);
        String organizationId = caller.requireOrganization();
        QuestionDocument question = questions.visible(caller, questionId)
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
        HintDefinition hint = question.hint(hintId).orElseThrow(() -> DomainException.notFound("Hint", hintId));
        return OptimisticRetry.until("Your result on this cube", () -> {
            QuizResultDocument result = results.findOrCreate(caller, organizationId, question.cubeId(), clock.instant());
            QuestionState state = result.state(question.id());
            if (state.hintsTaken().contains(hint.id())) {
                return Optional.of(taken(caller, question, hint, state));
            }
            List<FreeTextSubmissionDocument> mine = freeTextOf(caller, question);
            boolean stillCounts = !state.solved() && state.attempts() < question.maxAttempts()
                    && mine.stream().noneMatch(FreeTextSubmissionDocument::gradedCorrect);
            return results.recordHint(caller, result, question.id(), hint.id(), stillCounts ? hint.penalty() : 0,
                            clock.instant())
                    .map(written -> taken(caller, question, hint, written.state(question.id())));
        });
    }

    private TakeHintPayload taken(Caller caller, QuestionDocument question, HintDefinition hint, QuestionState state) {
        QuestionProgress progress = question.kind() == QuestionKind.FREE_TEXT
                ? QuestionProgress.ofFreeText(question.maxAttempts(), freeTextOf(caller, question), state.hintPenalty())
                : QuestionProgress.of(question.maxAttempts(), state);
        return new TakeHintPayload(HintView.of(hint, true, true), progress);
    }

    private List<FreeTextSubmissionDocument> freeTextOf(Caller caller, QuestionDocument question) {
        return question.kind() == QuestionKind.FREE_TEXT
                ? submissions.ofUser(caller, caller.subject(), List.of(question.id())) : List.of();
    }
}
