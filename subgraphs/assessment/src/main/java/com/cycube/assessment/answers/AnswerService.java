package com.cycube.assessment.answers;

import com.cycube.assessment.answers.QuizResultDocument.Attempt;
import com.cycube.assessment.answers.QuizResultDocument.QuestionState;
import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFacts;
import com.cycube.assessment.questions.Answer;
import com.cycube.assessment.questions.Grader;
import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionDocument.HintDefinition;
import com.cycube.assessment.questions.QuestionKind;
import com.cycube.assessment.questions.QuestionService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Answering, hints and grading. Auto-graded answers and hints are compare-and-set writes on the trainee's
 * {@link QuizResultDocument} for the cube, each carrying its events ({@code assessment.AnswerSubmitted}, and
 * {@code assessment.QuizPassed} in the write that records the pass); FREE_TEXT answers are
 * {@link FreeTextSubmissionDocument}s graded later. Refusals (no attempts left, already solved, rate limit, bad
 * input) write nothing but the rate-limit counter.
 */
@Service
public class AnswerService {

    static final int CAS_RETRIES = 8;

    private final TenantScopedMongo tenants;
    private final QuestionService questions;
    private final CubeFacts cubes;
    private final Grader grader;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public AnswerService(TenantScopedMongo tenants, QuestionService questions, CubeFacts cubes,
                         com.cycube.assessment.questions.FlagHasher flags, RateLimiter rateLimiter, Clock clock) {
        this.tenants = tenants;
        this.questions = questions;
        this.cubes = cubes;
        this.grader = new Grader(flags);
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** What submitAnswer answers. */
    public record Outcome(Boolean correct, int points, int attemptsLeft, SubmissionView submission, QuizScore quiz) {
    }

    /** What takeHint answers. */
    public record HintTaken(HintDefinition hint, Progress progress) {
    }

    /** A trainee's progress on one question ({@code QuestionProgress}). */
    public record Progress(int attemptsUsed, int attemptsLeft, boolean solved, int pointsAwarded, int hintPenalty) {

        public static Progress of(QuestionDocument question, QuestionState state) {
            int left = state.solved() ? 0 : Math.max(0, question.maxAttempts() - state.attempts());
            return new Progress(state.attempts(), left, state.solved(), state.points(), state.hintPenalty());
        }

        static Progress ofFreeText(QuestionDocument question, List<FreeTextSubmissionDocument> submissions, int hintPenalty) {
            boolean solved = submissions.stream().anyMatch(s -> Boolean.TRUE.equals(s.correct()));
            int points = submissions.stream().filter(s -> Boolean.TRUE.equals(s.correct()))
                    .mapToInt(FreeTextSubmissionDocument::points).max().orElse(0);
            int left = solved ? 0 : Math.max(0, question.maxAttempts() - submissions.size());
            return new Progress(submissions.size(), left, solved, points, hintPenalty);
        }
    }

    // ------------------------------------------------------------------------------------------------ answering

    public Outcome submit(Caller caller, String questionId, Answer answer) {
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
        QuizResultDocument result = resultOf(caller, organizationId, question.cubeId());
        refuseWhenDone(question, result.state(question.id()));
        boolean correct = grader.isCorrect(question, answer);
        List<QuestionDocument> cubeQuestions = questions.ofCubes(caller, List.of(question.cubeId()));
        int passMark = cube.passMarkOr(cubes.defaultPassMark());
        for (int attempt = 0; attempt < CAS_RETRIES; attempt++) {
            QuestionState state = result.state(question.id());
            refuseWhenDone(question, state);
            Instant now = clock.instant();
            int points = correct ? Math.max(0, question.points() - state.hintPenalty()) : 0;
            int number = state.attempts() + 1;
            String base = "questions." + question.id() + ".";
            Update update = new Update()
                    .set(base + "attempts", number)
                    .set(base + "solved", correct)
                    .set(base + "points", points)
                    .push(base + "history", new Attempt(number, correct, points, now))
                    .inc("revision", 1)
                    .set("updatedAt", now);
            // one Outbox.record per update: a second call would replace the first one's $push (see README)
            List<DomainEvent> events = new java.util.ArrayList<>();
            events.add(DomainEvent.of("assessment.AnswerSubmitted", organizationId, now, Map.of(
                    "userId", caller.subject(), "cubeId", question.cubeId(), "questionId", question.id(),
                    "correct", correct, "points", points, "attempt", number)));
            QuizScore before = QuizScore.of(cube.id(), cubeQuestions, result, passMark);
            QuizScore after = new QuizScore(cube.id(), before.points() + points, before.maxPoints(), passMark,
                    before.passed(), before.passedAt());
            if (correct && !result.passed() && cube.isAssessable() && after.reachesPassMark()) {
                update.set("passed", true).set("passedAt", now).set("passedScore", after.score());
                events.add(DomainEvent.of("assessment.QuizPassed", organizationId, now, Map.of(
                        "userId", caller.subject(), "cubeId", cube.id(), "score", after.score(),
                        "points", after.points(), "maxPoints", after.maxPoints())));
                after = new QuizScore(cube.id(), after.points(), after.maxPoints(), passMark, true, now);
            }
            Outbox.record(update, events.toArray(DomainEvent[]::new));
            Optional<QuizResultDocument> written = tenants.update(caller, result.id(),
                    Criteria.where("revision").is(result.revision()), update, QuizResultDocument.class);
            if (written.isPresent()) {
                QuizResultDocument stored = written.get();
                int left = correct ? 0 : Math.max(0, question.maxAttempts() - number);
                return new Outcome(correct, points, left,
                        SubmissionView.graded(stored, question.id(), new Attempt(number, correct, points, now)),
                        QuizScore.of(cube.id(), cubeQuestions, stored, passMark));
            }
            result = reread(caller, result.id());
        }
        throw DomainException.conflict("Too many simultaneous answers for this cube: try again");
    }

    private static void refuseWhenDone(QuestionDocument question, QuestionState state) {
        if (state.solved()) {
            throw DomainException.conflict("This question was already answered correctly");
        }
        if (state.attempts() >= question.maxAttempts()) {
            throw DomainException.conflict("No attempts left for this question");
        }
    }

    private Outcome submitFreeText(Caller caller, String organizationId, QuestionDocument question, String text) {
        List<FreeTextSubmissionDocument> previous = freeTextOf(caller, caller.subject(), List.of(question.id()));
        if (previous.stream().anyMatch(s -> Boolean.TRUE.equals(s.correct()))) {
            throw DomainException.conflict("This question was already answered correctly");
        }
        if (previous.stream().anyMatch(s -> FreeTextSubmissionDocument.PENDING_REVIEW.equals(s.status()))) {
            throw DomainException.conflict("Your previous answer to this question is awaiting review");
        }
        if (previous.size() >= question.maxAttempts()) {
            throw DomainException.conflict("No attempts left for this question");
        }
        int number = previous.size() + 1;
        int hintPenalty = tenants.findById(caller, Visibility.OWN_ORGANIZATION,
                        QuizResultDocument.idOf(caller.subject(), question.cubeId()), QuizResultDocument.class)
                .map(result -> result.state(question.id()).hintPenalty()).orElse(0);
        FreeTextSubmissionDocument submission = new FreeTextSubmissionDocument(
                FreeTextSubmissionDocument.idOf(caller.subject(), question.id(), number), organizationId,
                caller.subject(), question.cubeId(), question.id(), number, FreeTextSubmissionDocument.PENDING_REVIEW,
                null, 0, hintPenalty, text.strip(), null, clock.instant(), null, null);
        try {
            tenants.insert(caller, submission);
        } catch (DuplicateKeyException concurrent) {
            throw DomainException.conflict("Another answer to this question was just submitted");
        }
        return new Outcome(null, 0, Math.max(0, question.maxAttempts() - number), SubmissionView.of(submission), null);
    }

    // ------------------------------------------------------------------------------------------------ hints

    public HintTaken takeHint(Caller caller, String questionId, String hintId) {
        caller.require(Role.TRAINEE, null);
        String organizationId = caller.requireOrganization();
        QuestionDocument question = questions.visible(caller, questionId)
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
        HintDefinition hint = question.hint(hintId).orElseThrow(() -> DomainException.notFound("Hint", hintId));
        QuizResultDocument result = resultOf(caller, organizationId, question.cubeId());
        for (int attempt = 0; attempt < CAS_RETRIES; attempt++) {
            QuestionState state = result.state(question.id());
            if (state.hintsTaken().contains(hint.id())) {
                return new HintTaken(hint, progress(caller, question, state));
            }
            boolean stillCounts = !state.solved() && state.attempts() < question.maxAttempts() && !solvedFreeText(caller, question);
            String base = "questions." + question.id() + ".";
            Update update = new Update().push(base + "hintsTaken", hint.id())
                    .inc(base + "hintPenalty", stillCounts ? hint.penalty() : 0)
                    .inc("revision", 1).set("updatedAt", clock.instant());
            if (state == QuestionState.NONE) {
                update.set(base + "attempts", 0).set(base + "solved", false).set(base + "points", 0)
                        .set(base + "history", List.of());
            }
            Optional<QuizResultDocument> written = tenants.update(caller, result.id(),
                    Criteria.where("revision").is(result.revision()), update, QuizResultDocument.class);
            if (written.isPresent()) {
                return new HintTaken(hint, progress(caller, question, written.get().state(question.id())));
            }
            result = reread(caller, result.id());
        }
        throw DomainException.conflict("Too many simultaneous changes for this cube: try again");
    }

    private boolean solvedFreeText(Caller caller, QuestionDocument question) {
        return question.kind() == QuestionKind.FREE_TEXT && freeTextOf(caller, caller.subject(), List.of(question.id()))
                .stream().anyMatch(s -> Boolean.TRUE.equals(s.correct()));
    }

    private Progress progress(Caller caller, QuestionDocument question, QuestionState state) {
        if (question.kind() == QuestionKind.FREE_TEXT) {
            return Progress.ofFreeText(question, freeTextOf(caller, caller.subject(), List.of(question.id())),
                    state.hintPenalty());
        }
        return Progress.of(question, state);
    }

    // ------------------------------------------------------------------------------------------------ grading

    public SubmissionView grade(Caller caller, String submissionId, Boolean correct, Integer points, String feedback) {
        caller.require(Role.MANAGER, null);
        if (correct == null) {
            throw DomainException.badInput("correct is required");
        }
        FreeTextSubmissionDocument submission = tenants.findById(caller, Visibility.OWN_ORGANIZATION, submissionId,
                FreeTextSubmissionDocument.class).orElseThrow(() -> DomainException.notFound("Submission", submissionId));
        if (submission.userId().equals(caller.subject())) {
            throw DomainException.forbidden("You cannot grade your own answer");
        }
        // the question may be GLOBAL (root's) while the submission is the trainee's organization's
        QuestionDocument question = tenants.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                submission.questionId(), QuestionDocument.class)
                .orElseThrow(() -> DomainException.notFound("Submission", submissionId));
        int given = points != null ? points : correct ? question.points() : 0;
        if (given < 0 || given > question.points()) {
            throw DomainException.badInput("points must be between 0 and the question's points");
        }
        if (!correct && given != 0) {
            throw DomainException.badInput("points must be 0 for an answer that is not correct");
        }
        if (feedback != null && feedback.length() > 2_000) {
            throw DomainException.badInput("feedback must be at most 2000 characters");
        }
        if (!FreeTextSubmissionDocument.PENDING_REVIEW.equals(submission.status())) {
            throw DomainException.conflict("This submission was already graded");
        }
        int awarded = correct ? Math.max(0, given - submission.hintPenalty()) : 0;
        Instant now = clock.instant();
        Update update = new Update().set("status", FreeTextSubmissionDocument.GRADED).set("correct", correct)
                .set("points", awarded).set("feedback", feedback == null ? null : feedback.strip())
                .set("gradedAt", now).set("gradedBy", caller.subject());
        Outbox.record(update, DomainEvent.of("assessment.AnswerSubmitted", submission.organizationId(), now, Map.of(
                "userId", submission.userId(), "cubeId", submission.cubeId(), "questionId", submission.questionId(),
                "correct", correct, "points", awarded, "attempt", submission.attempt())));
        return tenants.update(caller, submission.id(), Criteria.where("status").is(FreeTextSubmissionDocument.PENDING_REVIEW),
                        update, FreeTextSubmissionDocument.class)
                .map(SubmissionView::of)
                .orElseThrow(() -> DomainException.conflict("This submission was already graded"));
    }

    public Connection<SubmissionView> toGrade(Caller caller, String cubeId, PageRequest page) {
        caller.require(Role.MANAGER, null);
        Criteria criteria = Criteria.where("status").is(FreeTextSubmissionDocument.PENDING_REVIEW);
        if (cubeId != null) {
            criteria = criteria.and("cubeId").is(cubeId);
        }
        List<FreeTextSubmissionDocument> rows = tenants.find(caller, Visibility.OWN_ORGANIZATION, criteria,
                Sort.by("submittedAt", "_id"), page, FreeTextSubmissionDocument.class);
        long total = tenants.count(caller, Visibility.OWN_ORGANIZATION, criteria, FreeTextSubmissionDocument.class);
        return Connection.of(rows, page, total).map(SubmissionView::of);
    }

    // ------------------------------------------------------------------------------------------------ reads

    /** The caller's results for these cubes, by cube id. */
    public Map<String, QuizResultDocument> myResults(Caller caller, java.util.Collection<String> cubeIds) {
        if (caller.subject() == null || caller.organizationId().isEmpty() || caller.isIntegration()) {
            return Map.of();
        }
        List<String> ids = cubeIds.stream().map(cube -> QuizResultDocument.idOf(caller.subject(), cube)).toList();
        Map<String, QuizResultDocument> byCube = new LinkedHashMap<>();
        tenants.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, QuizResultDocument.class).stream()
                .filter(result -> result.userId().equals(caller.subject()))
                .forEach(result -> byCube.put(result.cubeId(), result));
        return byCube;
    }

    /** {@code userId}'s FREE_TEXT submissions for these questions, oldest first. */
    public List<FreeTextSubmissionDocument> freeTextOf(Caller caller, String userId, java.util.Collection<String> questionIds) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION,
                Criteria.where("userId").is(userId).and("questionId").in(questionIds),
                Sort.by("attempt"), null, FreeTextSubmissionDocument.class);
    }

    private QuizResultDocument resultOf(Caller caller, String organizationId, String cubeId) {
        String id = QuizResultDocument.idOf(caller.subject(), cubeId);
        Optional<QuizResultDocument> existing = tenants.findById(caller, Visibility.OWN_ORGANIZATION, id, QuizResultDocument.class);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = clock.instant();
        try {
            return tenants.insert(caller, new QuizResultDocument(id, organizationId, caller.subject(), cubeId, 0,
                    Map.of(), false, null, null, now, now));
        } catch (DuplicateKeyException createdConcurrently) {
            return reread(caller, id);
        }
    }

    private QuizResultDocument reread(Caller caller, String id) {
        return tenants.findById(caller, Visibility.OWN_ORGANIZATION, id, QuizResultDocument.class)
                .orElseThrow(() -> new IllegalStateException("quiz result vanished"));
    }
}
