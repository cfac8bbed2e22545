package com.cycube.assessment.questions;

import com.cycube.support.errors.DomainException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Grades an answer against a question's key. The only code that reads keys. An answer that does not fit the
 * question's kind is BAD_USER_INPUT (checked by {@link #checkShape} before anything is counted or stored); a
 * well-formed answer is simply right or wrong — the result never says what the right answer is.
 */
public final class Grader {

    public static final int MAX_FLAG_ANSWER = 500;
    public static final int MAX_TEXT_ANSWER = 4_000;

    private final FlagHasher flags;

    public Grader(FlagHasher flags) {
        this.flags = flags;
    }

    /** Fails with BAD_USER_INPUT when {@code answer} does not fit {@code question}'s kind. */
    public static void checkShape(QuestionDocument question, Answer answer) {
        QuestionKind kind = question.kind();
        boolean hasChoices = answer.choices() != null;
        boolean hasFlag = answer.flag() != null;
        boolean hasNumber = answer.number() != null;
        boolean hasText = answer.text() != null;
        switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                only(hasChoices && !hasFlag && !hasNumber && !hasText, "choices");
                if (answer.choices().isEmpty() || (kind == QuestionKind.SINGLE_CHOICE && answer.choices().size() != 1)) {
                    throw DomainException.badInput(kind == QuestionKind.SINGLE_CHOICE
                            ? "choices: pick exactly one option" : "choices: pick at least one option");
                }
                Set<String> known = new HashSet<>();
                question.options().forEach(option -> known.add(option.id()));
                if (!known.containsAll(answer.choices()) || new HashSet<>(answer.choices()).size() != answer.choices().size()) {
                    throw DomainException.badInput("choices: pick options of this question, each once");
                }
            }
            case FLAG -> {
                only(hasFlag && !hasChoices && !hasNumber && !hasText, "flag");
                if (answer.flag().isBlank() || answer.flag().length() > MAX_FLAG_ANSWER) {
                    throw DomainException.badInput("flag must be 1 to " + MAX_FLAG_ANSWER + " characters");
                }
            }
            case NUMERIC -> {
                only(hasNumber && !hasChoices && !hasFlag && !hasText, "number");
                if (!Double.isFinite(answer.number())) {
                    throw DomainException.badInput("number must be a finite number");
                }
            }
            case FREE_TEXT -> {
                only(hasText && !hasChoices && !hasFlag && !hasNumber, "text");
                if (answer.text().isBlank() || answer.text().length() > MAX_TEXT_ANSWER) {
                    throw DomainException.badInput("text must be 1 to " + MAX_TEXT_ANSWER + " characters");
                }
            }
        }
    }

    private static void only(boolean ok, String field) {
        if (!ok) {
            throw DomainException.badInput("This question is answered with " + field + " (and nothing else)");
        }
    }

    /** Whether a well-formed answer to an auto-graded question is correct. */
    public boolean isCorrect(QuestionDocument question, Answer answer) {
        AnswerKey key = question.key();
        return switch (question.kind()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> sameSet(answer.choices(), key.correctOptionIds());
            case FLAG -> flags.matches(answer.flag(), key);
            case NUMERIC -> withinTolerance(answer.number(), key.numericAnswer(), key.tolerance());
            case FREE_TEXT -> throw new IllegalStateException("FREE_TEXT answers are graded by a person");
        };
    }

    private static boolean sameSet(List<String> chosen, List<String> correct) {
        return correct != null && !correct.isEmpty() && new HashSet<>(chosen).equals(new HashSet<>(correct));
    }

    /**
     * |answer - expected| <= tolerance in decimal arithmetic, so that 3.15 is within 0.01 of 3.14 (in binary
     * floating point it is not).
     */
    static boolean withinTolerance(double answer, Double expected, Double tolerance) {
        if (expected == null) {
            return false;
        }
        BigDecimal distance = BigDecimal.valueOf(answer).subtract(BigDecimal.valueOf(expected)).abs();
        return distance.compareTo(BigDecimal.valueOf(tolerance == null ? 0 : tolerance)) <= 0;
    }
}
