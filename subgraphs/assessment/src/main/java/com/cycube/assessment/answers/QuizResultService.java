package com.cycube.assessment.answers;

import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFactService;
import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionService;
import com.cycube.support.auth.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The caller's own answers, for the fields that show them ({@code Cube.quizResult}, {@code Question.myProgress},
 * hint texts taken): only people with an organization answer, so everyone else has none.
 */
@Service
public class QuizResultService {

    private final QuizResultStore results;
    private final FreeTextSubmissionStore submissions;
    private final QuestionService questions;
    private final CubeFactService cubes;

    public QuizResultService(QuizResultStore results, FreeTextSubmissionStore submissions, QuestionService questions,
                             CubeFactService cubes) {
        this.results = results;
        this.submissions = submissions;
        this.questions = questions;
        this.cubes = cubes;
    }

    /** Whether {@code caller} answers questions as a person of an organization (and so may have answers). */
    public static boolean answersAsTrainee(Caller caller) {
        return caller.subject() != null && caller.organizationId().isPresent() && !caller.isIntegration();
    }

    /** The caller's results for these cubes, by cube id. */
    public Map<String, QuizResultDocument> myResults(Caller caller, Collection<String> cubeIds) {
        if (!answersAsTrainee(caller)) {
            return Map.of();
        }
        List<String> ids = cubeIds.stream().map(cube -> QuizResultDocument.idOf(caller.subject(), cube)).toList();
        Map<String, QuizResultDocument> byCube = new LinkedHashMap<>();
        results.findAll(caller, ids).stream()
                .filter(result -> result.userId().equals(caller.subject()))
                .forEach(result -> byCube.put(result.cubeId(), result));
        return byCube;
    }

    /** The caller's FREE_TEXT submissions per question id, oldest first (an empty list for each question without). */
    public Map<String, List<FreeTextSubmissionDocument>> myFreeText(Caller caller, Collection<String> questionIds) {
        if (!answersAsTrainee(caller)) {
            return Map.of();
        }
        Map<String, List<FreeTextSubmissionDocument>> byQuestion = new HashMap<>();
        questionIds.forEach(id -> byQuestion.put(id, new ArrayList<>()));
        submissions.ofUser(caller, caller.subject(), questionIds)
                .forEach(submission -> byQuestion.get(submission.questionId()).add(submission));
        return byQuestion;
    }

    /** The caller's score per cube: only cubes the caller answered and may see. */
    public Map<String, QuizScore> myScores(Caller caller, Collection<String> cubeIds) {
        Map<String, QuizResultDocument> mine = myResults(caller, cubeIds);
        if (mine.isEmpty()) {
            return Map.of();
        }
        Map<String, CubeFactDocument> facts = cubes.visible(caller, mine.keySet()).stream()
                .collect(Collectors.toMap(CubeFactDocument::id, cube -> cube));
        Map<String, List<QuestionDocument>> byCube = questions.ofCubes(caller, facts.keySet()).stream()
                .collect(Collectors.groupingBy(QuestionDocument::cubeId));
        Map<String, QuizScore> scores = new HashMap<>();
        facts.values().forEach(cube -> scores.put(cube.id(), QuizScore.of(cube.id(),
                byCube.getOrDefault(cube.id(), List.of()), mine.get(cube.id()),
                cube.passMarkOr(cubes.defaultPassMark()))));
        return scores;
    }
}
