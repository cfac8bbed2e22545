package com.cycube.assessment.questions;

import java.util.List;

/** What a trainee submitted. No {@code toString} that prints it: answers are never logged. */
public record Answer(List<String> choices, String flag, Double number, String text) {

    @Override
    public String toString() {
        return "Answer[redacted]";
    }
}
