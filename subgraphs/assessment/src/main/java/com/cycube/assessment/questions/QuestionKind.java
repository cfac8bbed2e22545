package com.cycube.assessment.questions;

/** How a question is answered; all but FREE_TEXT are graded automatically. */
public enum QuestionKind {
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    FLAG,
    NUMERIC,
    FREE_TEXT;

    public boolean isAutoGraded() {
        return this != FREE_TEXT;
    }

    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
