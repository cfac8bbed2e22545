package com.cycube.assessment.questions;

import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFactService;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Authoring and reading questions. Reading follows the cube's visibility (GLOBAL or own organization; root all);
 * authoring needs the cube's author (see {@link CubeFactService#requireAuthorable}).
 */
@Service
public class QuestionService {

    /** Stands for "keep the stored flag" while an update is validated; never hashed or stored. */
    private static final String KEEP_FLAG = "\u0000keep";

    private final QuestionStore store;
    private final CubeFactService cubes;
    private final FlagHasher flags;
    private final Clock clock;

    public QuestionService(QuestionStore store, CubeFactService cubes, FlagHasher flags, Clock clock) {
        this.store = store;
        this.cubes = cubes;
        this.flags = flags;
        this.clock = clock;
    }

    /** People read questions; integration clients need catalog:read (the scope that reads cubes). */
    public static boolean canRead(Caller caller) {
        return caller.hasRole(Role.TRAINEE) || caller.hasScope("catalog:read");
    }

    public Optional<QuestionDocument> visible(Caller caller, String id) {
        if (!canRead(caller) || id == null) {
            return Optional.empty();
        }
        return store.find(caller, id).filter(question -> !question.archived());
    }

    public List<QuestionDocument> visibleByIds(Caller caller, Collection<String> ids) {
        if (!canRead(caller)) {
            return List.of();
        }
        return store.findAll(caller, ids).stream().filter(question -> !question.archived()).toList();
    }

    /** The active questions of the cubes, in cube order. */
    public List<QuestionDocument> ofCubes(Caller caller, Collection<String> cubeIds) {
        if (!canRead(caller)) {
            return List.of();
        }
        return store.activeOfCubes(caller, cubeIds);
    }

    /**
     * The question a submission answers, archived or not, for its grader: it may be GLOBAL (root's) while the
     * submission belongs to the trainee's organization.
     */
    public Optional<QuestionDocument> forGrading(Caller caller, String id) {
        return store.find(caller, id);
    }

    public QuestionDocument create(Caller caller, String cubeId, QuestionDraft draft) {
        CubeFactDocument cube = cubes.requireAuthorable(caller, cubeId);
        QuestionRules.Checked checked = QuestionRules.check(draft);
        long existing = store.countActive(caller, cube.id());
        if (existing >= QuestionRules.MAX_QUESTIONS_PER_CUBE) {
            throw DomainException.conflict("A cube has at most " + QuestionRules.MAX_QUESTIONS_PER_CUBE + " questions");
        }
        Instant now = clock.instant();
        int position = draft.position() != null ? draft.position() : (int) existing;
        return store.insert(caller, new QuestionDocument(UUID.randomUUID().toString(), cube.organizationId(), cube.id(),
                draft.kind(), checked.prompt(), checked.options(), checked.points(), checked.maxAttempts(),
                checked.hints(), position, false, keyFor(draft, checked), caller.subject(), now, now));
    }

    public QuestionDocument update(Caller caller, String questionId, QuestionDraft changes) {
        QuestionDocument question = authorable(caller, questionId);
        QuestionKind kind = question.kind();
        AnswerKey key = question.key();
        List<QuestionDraft.OptionDraft> options = changes.options() != null ? changes.options()
                : question.options().stream().map(option -> new QuestionDraft.OptionDraft(option.text(),
                        key.correctOptionIds().contains(option.id()))).toList();
        QuestionDraft merged = new QuestionDraft(kind,
                changes.prompt() != null ? changes.prompt() : question.prompt(),
                kind.isChoice() || changes.options() != null ? options : null,
                changes.flag() != null ? changes.flag() : kind == QuestionKind.FLAG ? KEEP_FLAG : null,
                changes.flagCaseInsensitive() != null ? changes.flagCaseInsensitive()
                        : kind == QuestionKind.FLAG ? key.caseInsensitive() : null,
                changes.numericAnswer() != null ? changes.numericAnswer() : kind == QuestionKind.NUMERIC ? key.numericAnswer() : null,
                changes.tolerance() != null ? changes.tolerance() : kind == QuestionKind.NUMERIC ? key.tolerance() : null,
                changes.points() != null ? changes.points() : question.points(),
                changes.maxAttempts() != null ? changes.maxAttempts() : question.maxAttempts(),
                changes.hints() != null ? changes.hints()
                        : question.hints().stream().map(hint -> new QuestionDraft.HintDraft(hint.text(), hint.penalty())).toList(),
                changes.position() != null ? changes.position() : question.position());
        QuestionRules.Checked checked = QuestionRules.check(merged);
        if (kind == QuestionKind.FLAG && changes.flag() == null
                && Boolean.TRUE.equals(merged.flagCaseInsensitive()) != key.caseInsensitive()) {
            throw DomainException.badInput("Changing flagCaseInsensitive needs the flag again");
        }
        // new option ids need their key; a new flag is hashed; a numeric key is rewritten as merged
        boolean newKey = switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> changes.options() != null;
            case FLAG -> changes.flag() != null;
            case NUMERIC -> true;
            case FREE_TEXT -> false;
        };
        QuestionEdit edit = new QuestionEdit(checked.prompt(), checked.points(), checked.maxAttempts(),
                merged.position(), changes.hints() != null ? checked.hints() : question.hints(),
                changes.options() != null ? checked.options() : null, newKey ? keyFor(merged, checked) : null,
                clock.instant());
        return store.edit(caller, question.id(), edit).orElseThrow(() -> DomainException.notFound("Question", questionId));
    }

    public String archive(Caller caller, String questionId) {
        caller.require(Role.MANAGER, null);
        QuestionDocument question = store.find(caller, questionId)
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
        cubes.requireAuthorable(caller, question.cubeId());
        store.archive(caller, question.id(), clock.instant());
        return question.id();
    }

    private AnswerKey keyFor(QuestionDraft draft, QuestionRules.Checked checked) {
        return switch (draft.kind()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> AnswerKey.choices(checked.correctOptionIds());
            case FLAG -> flags.keyFor(draft.flag(), Boolean.TRUE.equals(draft.flagCaseInsensitive()));
            case NUMERIC -> AnswerKey.numeric(draft.numericAnswer(), draft.tolerance() == null ? 0.0 : draft.tolerance());
            case FREE_TEXT -> AnswerKey.NONE;
        };
    }

    private QuestionDocument authorable(Caller caller, String questionId) {
        caller.require(Role.MANAGER, null);
        QuestionDocument question = visible(caller, questionId)
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
        cubes.requireAuthorable(caller, question.cubeId());
        return question;
    }
}
