package com.cycube.training.progress;

import com.cycube.training.catalog.CubeKind;
import java.time.Instant;

/**
 * Something that happened to a trainee on a cube, whatever reported it.
 *
 * @param completes what it completes the cube as (READING, QUIZ, LAB), or null when it completes nothing
 * @param score     a passed quiz's score (0–100), or null
 * @param attempt   whether it counts as an attempt (a graded answer, a lab launch)
 */
public record Fact(String cubeId, Instant at, CubeKind completes, Integer score, boolean attempt) {

    public static Fact reading(String cubeId, Instant at) {
        return new Fact(cubeId, at, CubeKind.READING, null, false);
    }

    public static Fact quizPassed(String cubeId, Instant at, Integer score) {
        return new Fact(cubeId, at, CubeKind.QUIZ, score, false);
    }

    public static Fact labObjectivesMet(String cubeId, Instant at) {
        return new Fact(cubeId, at, CubeKind.LAB, null, false);
    }

    public static Fact activity(String cubeId, Instant at, boolean attempt) {
        return new Fact(cubeId, at, null, null, attempt);
    }
}
