package com.cycube.assessment.questions;

import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFacts;
import com.cycube.assessment.questions.QuestionDocument.HintDefinition;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Authoring and reading questions. Reading follows the cube's visibility (GLOBAL or own organization; root all);
 * authoring needs the cube's author (see {@link CubeFacts#requireAuthorable}).
 */
@Service
public class QuestionService {

    /** Stands for "keep the stored flag" while an update is validated; never hashed or stored. */
    private static final String KEEP_FLAG = "\u0000keep";

    public static final Sort CUBE_ORDER = Sort.by("position", "createdAt", "_id");

    private final TenantScopedMongo tenants;
    private final CubeFacts cubes;
    private final FlagHasher flags;
    private final Clock clock;

    public QuestionService(TenantScopedMongo tenants, CubeFacts cubes, FlagHasher flags, Clock clock) {
        this.tenants = tenants;
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
        return tenants.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, id, QuestionDocument.class)
                .filter(question -> !question.archived());
    }

    public List<QuestionDocument> visibleByIds(Caller caller, Collection<String> ids) {
        if (!canRead(caller)) {
            return List.of();
        }
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, QuestionDocument.class).stream()
                .filter(question -> !question.archived()).toList();
    }

    /** The active questions of the cubes, in cube order. */
    public List<QuestionDocument> ofCubes(Caller caller, Collection<String> cubeIds) {
        if (!canRead(caller)) {
            return List.of();
        }
        return tenants.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                Criteria.where("cubeId").in(cubeIds).and("archived").is(false), CUBE_ORDER, null, QuestionDocument.class);
    }

    public QuestionDocument create(Caller caller, String cubeId, QuestionDraft draft) {
        CubeFactDocument cube = cubes.requireAuthorable(caller, cubeId);
        QuestionRules.Checked checked = QuestionRules.check(draft);
        long existing = tenants.count(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                Criteria.where("cubeId").is(cube.id()).and("archived").is(false), QuestionDocument.class);
        if (existing >= QuestionRules.MAX_QUESTIONS_PER_CUBE) {
            throw DomainException.conflict("A cube has at most " + QuestionRules.MAX_QUESTIONS_PER_CUBE + " questions");
        }
        AnswerKey key = switch (draft.kind()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> new AnswerKey(checked.correctOptionIds(), null, null, null, null, null, null);
            case FLAG -> flags.keyFor(draft.flag(), Boolean.TRUE.equals(draft.flagCaseInsensitive()));
            case NUMERIC -> new AnswerKey(List.of(), null, null, null, null, draft.numericAnswer(),
                    draft.tolerance() == null ? 0.0 : draft.tolerance());
            case FREE_TEXT -> AnswerKey.NONE;
        };
        Instant now = clock.instant();
        int position = draft.position() != null ? draft.position() : (int) existing;
        QuestionDocument question = new QuestionDocument(UUID.randomUUID().toString(), cube.organizationId(), cube.id(),
                draft.kind(), checked.prompt(), checked.options(), checked.points(), checked.maxAttempts(),
                checked.hints(), position, false, key, caller.subject(), now, now);
        return tenants.insert(caller, question);
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
        Update update = new Update().set("prompt", checked.prompt()).set("points", checked.points())
                .set("maxAttempts", checked.maxAttempts()).set("position", merged.position())
                .set("updatedAt", clock.instant());
        if (changes.options() != null) {
            update.set("options", checked.options()).set("key.correctOptionIds", checked.correctOptionIds());
        }
        List<HintDefinition> hints = changes.hints() != null ? checked.hints() : question.hints();
        update.set("hints", hints);
        if (kind == QuestionKind.FLAG) {
            boolean caseInsensitive = Boolean.TRUE.equals(merged.flagCaseInsensitive());
            if (changes.flag() != null) {
                update.set("key", flags.keyFor(changes.flag(), caseInsensitive));
            } else if (caseInsensitive != key.caseInsensitive()) {
                throw DomainException.badInput("Changing flagCaseInsensitive needs the flag again");
            }
        }
        if (kind == QuestionKind.NUMERIC) {
            update.set("key.numericAnswer", merged.numericAnswer())
                    .set("key.tolerance", merged.tolerance() == null ? 0.0 : merged.tolerance());
        }
        return tenants.update(caller, question.id(), Criteria.where("archived").is(false), update, QuestionDocument.class)
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
    }

    public String archive(Caller caller, String questionId) {
        caller.require(Role.MANAGER, null);
        QuestionDocument question = tenants.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, questionId,
                QuestionDocument.class).orElseThrow(() -> DomainException.notFound("Question", questionId));
        cubes.requireAuthorable(caller, question.cubeId());
        tenants.update(caller, question.id(), null, new Update().set("archived", true).set("updatedAt", clock.instant()),
                QuestionDocument.class);
        return question.id();
    }

    /** Whether {@code caller} authors the question's cube (authors see every hint's text). */
    public boolean isAuthor(Caller caller, CubeFactDocument cube) {
        return cube != null && CubeFacts.canAuthor(caller, cube);
    }

    private QuestionDocument authorable(Caller caller, String questionId) {
        caller.require(Role.MANAGER, null);
        QuestionDocument question = visible(caller, questionId)
                .orElseThrow(() -> DomainException.notFound("Question", questionId));
        cubes.requireAuthorable(caller, question.cubeId());
        return question;
    }
}
