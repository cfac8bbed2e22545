package com.cycube.assessment.questions;

import com.cycube.assessment.questions.QuestionDocument.HintDefinition;
import com.cycube.assessment.questions.QuestionDocument.Option;
import com.cycube.support.errors.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules of a well-formed question, checked before anything is stored. Error messages name the field and the
 * rule, never a value (an answer key must not come back in an error).
 */
public final class QuestionRules {

    public static final int MAX_PROMPT = 5_000;
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 10;
    public static final int MAX_OPTION_TEXT = 500;
    public static final int MAX_FLAG = 200;
    public static final int MAX_POINTS = 1_000;
    public static final int DEFAULT_POINTS = 10;
    public static final int MAX_ATTEMPTS = 20;
    public static final int DEFAULT_ATTEMPTS = 3;
    public static final int MAX_HINTS = 5;
    public static final int MAX_HINT_TEXT = 2_000;
    public static final int MAX_QUESTIONS_PER_CUBE = 100;

    private QuestionRules() {
    }

    /** The checked, normalized content of a question; the key is built by the caller (flags need hashing). */
    public record Checked(String prompt, List<Option> options, List<String> correctOptionIds, int points,
                          int maxAttempts, List<HintDefinition> hints) {
    }

    public static Checked check(QuestionDraft draft) {
        if (draft.kind() == null) {
            throw DomainException.badInput("kind is required");
        }
        String prompt = text(draft.prompt(), "prompt", MAX_PROMPT);
        int points = draft.points() == null ? DEFAULT_POINTS : draft.points();
        if (points < 1 || points > MAX_POINTS) {
            throw DomainException.badInput("points must be between 1 and " + MAX_POINTS);
        }
        int maxAttempts = draft.maxAttempts() == null ? DEFAULT_ATTEMPTS : draft.maxAttempts();
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw DomainException.badInput("maxAttempts must be between 1 and " + MAX_ATTEMPTS);
        }
        if (draft.position() != null && draft.position() < 0) {
            throw DomainException.badInput("position must not be negative");
        }
        List<HintDefinition> hints = hints(draft.hints(), points);
        List<Option> options = new ArrayList<>();
        List<String> correct = new ArrayList<>();
        switch (draft.kind()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                onlyKeyFields(draft, true, false, false);
                if (draft.options() == null || draft.options().size() < MIN_OPTIONS || draft.options().size() > MAX_OPTIONS) {
                    throw DomainException.badInput("options: a choice question needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options");
                }
                for (QuestionDraft.OptionDraft option : draft.options()) {
                    String id = shortId();
                    options.add(new Option(id, text(option.text(), "options.text", MAX_OPTION_TEXT)));
                    if (option.correct()) {
                        correct.add(id);
                    }
                }
                if (draft.kind() == QuestionKind.SINGLE_CHOICE && correct.size() != 1) {
                    throw DomainException.badInput("options: a SINGLE_CHOICE question needs exactly one correct option");
                }
                if (correct.isEmpty()) {
                    throw DomainException.badInput("options: a MULTIPLE_CHOICE question needs at least one correct option");
                }
            }
            case FLAG -> {
                onlyKeyFields(draft, false, true, false);
                if (draft.flag() == null || draft.flag().isBlank()) {
                    throw DomainException.badInput("flag is required for FLAG questions");
                }
                if (draft.flag().strip().length() > MAX_FLAG) {
                    throw DomainException.badInput("flag must be at most " + MAX_FLAG + " characters");
                }
            }
            case NUMERIC -> {
                onlyKeyFields(draft, false, false, true);
                if (draft.numericAnswer() == null || !Double.isFinite(draft.numericAnswer())) {
                    throw DomainException.badInput("numericAnswer is required for NUMERIC questions");
                }
                if (draft.tolerance() != null && (!Double.isFinite(draft.tolerance()) || draft.tolerance() < 0)) {
                    throw DomainException.badInput("tolerance must be zero or more");
                }
            }
            case FREE_TEXT -> onlyKeyFields(draft, false, false, false);
        }
        return new Checked(prompt, List.copyOf(options), List.copyOf(correct), points, maxAttempts, hints);
    }

    private static void onlyKeyFields(QuestionDraft draft, boolean options, boolean flag, boolean numeric) {
        if (!options && draft.options() != null && !draft.options().isEmpty()) {
            throw DomainException.badInput("options are only for SINGLE_CHOICE and MULTIPLE_CHOICE questions");
        }
        if (!flag && (draft.flag() != null || draft.flagCaseInsensitive() != null)) {
            throw DomainException.badInput("flag and flagCaseInsensitive are only for FLAG questions");
        }
        if (!numeric && (draft.numericAnswer() != null || draft.tolerance() != null)) {
            throw DomainException.badInput("numericAnswer and tolerance are only for NUMERIC questions");
        }
    }

    private static List<HintDefinition> hints(List<QuestionDraft.HintDraft> drafts, int points) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_HINTS) {
            throw DomainException.badInput("a question has at most " + MAX_HINTS + " hints");
        }
        List<HintDefinition> hints = new ArrayList<>();
        for (QuestionDraft.HintDraft hint : drafts) {
            if (hint.penalty() < 0 || hint.penalty() > points) {
                throw DomainException.badInput("hints.penalty must be between 0 and the question's points");
            }
            hints.add(new HintDefinition(shortId(), text(hint.text(), "hints.text", MAX_HINT_TEXT), hint.penalty()));
        }
        return List.copyOf(hints);
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw DomainException.badInput(field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw DomainException.badInput(field + " must be at most " + max + " characters");
        }
        return stripped;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
