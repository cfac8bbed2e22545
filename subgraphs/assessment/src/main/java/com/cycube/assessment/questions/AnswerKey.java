package com.cycube.assessment.questions;

import java.util.List;

/**
 * The secret part of a question. It lives only inside {@link QuestionDocument}, is read only by the
 * {@link Grader}, and no schema type, error message or log line carries it. Flags are stored as a salted
 * PBKDF2 hash, never in clear.
 *
 * @param correctOptionIds    choice kinds: the right option(s)
 * @param flagHash            FLAG: base64 PBKDF2WithHmacSHA256 of the normalized flag
 * @param flagSalt            FLAG: base64 per-question random salt
 * @param flagIterations      FLAG: PBKDF2 iterations used for this hash
 * @param flagCaseInsensitive FLAG: whether the flag was (and answers are) lowercased before hashing
 * @param numericAnswer       NUMERIC: the right number
 * @param tolerance           NUMERIC: the largest accepted distance from it (inclusive)
 */
public record AnswerKey(List<String> correctOptionIds, String flagHash, String flagSalt, Integer flagIterations,
                        Boolean flagCaseInsensitive, Double numericAnswer, Double tolerance) {

    public static final AnswerKey NONE = new AnswerKey(List.of(), null, null, null, null, null, null);

    /** The key of a choice question: its right option(s). */
    public static AnswerKey choices(List<String> correctOptionIds) {
        return new AnswerKey(correctOptionIds, null, null, null, null, null, null);
    }

    /** The key of a NUMERIC question. */
    public static AnswerKey numeric(double answer, double tolerance) {
        return new AnswerKey(List.of(), null, null, null, null, answer, tolerance);
    }

    public boolean caseInsensitive() {
        return Boolean.TRUE.equals(flagCaseInsensitive);
    }

    /** Never print a key, whatever logs a document by accident. */
    @Override
    public String toString() {
        return "AnswerKey[redacted]";
    }
}
