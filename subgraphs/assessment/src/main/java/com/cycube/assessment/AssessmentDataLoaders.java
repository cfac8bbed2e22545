package com.cycube.assessment;

import com.cycube.assessment.answers.AnswerService;
import com.cycube.assessment.answers.FreeTextSubmissionDocument;
import com.cycube.assessment.answers.QuizResultDocument;
import com.cycube.assessment.answers.QuizScore;
import com.cycube.assessment.certificates.CertificateDocument;
import com.cycube.assessment.certificates.CertificateService;
import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFacts;
import com.cycube.assessment.questions.QuestionDocument;
import com.cycube.assessment.questions.QuestionService;
import com.cycube.assessment.questions.QuestionView;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Batched, caller-aware reads for nested fields and federation: one query per response level, keys the caller may
 * not see absent (null / empty). Keys are loaded with {@code RequestContext.load}, so each batch knows its caller.
 */
public final class AssessmentDataLoaders {

    public static final String QUESTIONS = "questions";
    public static final String QUESTIONS_BY_CUBE = "questionsByCube";
    public static final String CUBE_FACTS = "cubeFacts";
    public static final String MY_RESULTS = "myResults";
    public static final String MY_QUIZ_SCORES = "myQuizScores";
    public static final String MY_FREE_TEXT = "myFreeTextSubmissions";
    public static final String CERTIFICATES = "certificates";
    public static final String CERTIFICATES_BY_USER = "certificatesByUser";
    public static final String HOLDER_NAMES = "holderNames";

    private AssessmentDataLoaders() {
    }

    /** Questions by id (active, visible). */
    @DgsDataLoader(name = QUESTIONS)
    public static class Questions extends CallerBatchLoader<String, QuestionView> {
        private final QuestionService questions;

        public Questions(QuestionService questions) {
            this.questions = questions;
        }

        @Override
        protected Map<String, QuestionView> loadFor(Caller caller, Set<String> ids) {
            return questions.visibleByIds(caller, ids).stream().map(QuestionView::of)
                    .collect(Collectors.toMap(QuestionView::id, Function.identity()));
        }
    }

    /** The active questions of each cube, in order; an empty list for cubes without (visible) questions. */
    @DgsDataLoader(name = QUESTIONS_BY_CUBE)
    public static class QuestionsByCube extends CallerBatchLoader<String, List<QuestionView>> {
        private final QuestionService questions;

        public QuestionsByCube(QuestionService questions) {
            this.questions = questions;
        }

        @Override
        protected Map<String, List<QuestionView>> loadFor(Caller caller, Set<String> cubeIds) {
            Map<String, List<QuestionView>> byCube = new HashMap<>();
            cubeIds.forEach(id -> byCube.put(id, new ArrayList<>()));
            questions.ofCubes(caller, cubeIds).forEach(question -> byCube.get(question.cubeId()).add(QuestionView.of(question)));
            return byCube;
        }
    }

    /** Cube facts by cube id (visible cubes only). */
    @DgsDataLoader(name = CUBE_FACTS)
    public static class CubeFactsLoader extends CallerBatchLoader<String, CubeFactDocument> {
        private final CubeFacts cubes;

        public CubeFactsLoader(CubeFacts cubes) {
            this.cubes = cubes;
        }

        @Override
        protected Map<String, CubeFactDocument> loadFor(Caller caller, Set<String> cubeIds) {
            return cubes.visible(caller, cubeIds).stream().collect(Collectors.toMap(CubeFactDocument::id, Function.identity()));
        }
    }

    /** The caller's quiz results by cube id. */
    @DgsDataLoader(name = MY_RESULTS)
    public static class MyResults extends CallerBatchLoader<String, QuizResultDocument> {
        private final AnswerService answers;

        public MyResults(AnswerService answers) {
            this.answers = answers;
        }

        @Override
        protected Map<String, QuizResultDocument> loadFor(Caller caller, Set<String> cubeIds) {
            return answers.myResults(caller, cubeIds);
        }
    }

    /** The caller's score per cube ({@code Cube.quizResult}): only cubes the caller answered and may see. */
    @DgsDataLoader(name = MY_QUIZ_SCORES)
    public static class MyQuizScores extends CallerBatchLoader<String, QuizScore> {
        private final AnswerService answers;
        private final QuestionService questions;
        private final CubeFacts cubes;

        public MyQuizScores(AnswerService answers, QuestionService questions, CubeFacts cubes) {
            this.answers = answers;
            this.questions = questions;
            this.cubes = cubes;
        }

        @Override
        protected Map<String, QuizScore> loadFor(Caller caller, Set<String> cubeIds) {
            Map<String, QuizResultDocument> results = answers.myResults(caller, cubeIds);
            if (results.isEmpty()) {
                return Map.of();
            }
            Map<String, CubeFactDocument> facts = cubes.visible(caller, results.keySet()).stream()
                    .collect(Collectors.toMap(CubeFactDocument::id, Function.identity()));
            Map<String, List<QuestionDocument>> byCube = questions.ofCubes(caller, facts.keySet()).stream()
                    .collect(Collectors.groupingBy(QuestionDocument::cubeId));
            Map<String, QuizScore> scores = new HashMap<>();
            facts.values().forEach(cube -> scores.put(cube.id(), QuizScore.of(cube.id(),
                    byCube.getOrDefault(cube.id(), List.of()), results.get(cube.id()),
                    cube.passMarkOr(cubes.defaultPassMark()))));
            return scores;
        }
    }

    /** The caller's FREE_TEXT submissions by question id. */
    @DgsDataLoader(name = MY_FREE_TEXT)
    public static class MyFreeText extends CallerBatchLoader<String, List<FreeTextSubmissionDocument>> {
        private final AnswerService answers;

        public MyFreeText(AnswerService answers) {
            this.answers = answers;
        }

        @Override
        protected Map<String, List<FreeTextSubmissionDocument>> loadFor(Caller caller, Set<String> questionIds) {
            if (caller.subject() == null || caller.organizationId().isEmpty() || caller.isIntegration()) {
                return Map.of();
            }
            Map<String, List<FreeTextSubmissionDocument>> byQuestion = new HashMap<>();
            questionIds.forEach(id -> byQuestion.put(id, new ArrayList<>()));
            answers.freeTextOf(caller, caller.subject(), questionIds)
                    .forEach(submission -> byQuestion.get(submission.questionId()).add(submission));
            return byQuestion;
        }
    }

    /** Certificates by id (holder, managers of the organization, root). */
    @DgsDataLoader(name = CERTIFICATES)
    public static class Certificates extends CallerBatchLoader<String, CertificateDocument> {
        private final CertificateService certificates;

        public Certificates(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        protected Map<String, CertificateDocument> loadFor(Caller caller, Set<String> ids) {
            return certificates.visible(caller, ids).stream()
                    .collect(Collectors.toMap(CertificateDocument::id, Function.identity()));
        }
    }

    /** Certificates per user ({@code User.certificates}). */
    @DgsDataLoader(name = CERTIFICATES_BY_USER)
    public static class CertificatesByUser extends CallerBatchLoader<String, List<CertificateDocument>> {
        private final CertificateService certificates;

        public CertificatesByUser(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        protected Map<String, List<CertificateDocument>> loadFor(Caller caller, Set<String> userIds) {
            return certificates.byUsers(caller, userIds);
        }
    }

    /** Holder display names of certificates the caller already may read, keyed by the certificate. */
    @DgsDataLoader(name = HOLDER_NAMES)
    public static class HolderNames extends CallerBatchLoader<CertificateDocument, String> {
        private final CertificateService certificates;

        public HolderNames(CertificateService certificates) {
            this.certificates = certificates;
        }

        @Override
        protected Map<CertificateDocument, String> loadFor(Caller caller, Set<CertificateDocument> keys) {
            Map<String, String> names = certificates.holderNames(keys);
            Map<CertificateDocument, String> byCertificate = new HashMap<>();
            keys.forEach(certificate -> {
                String name = names.get(certificate.userId());
                if (name != null) {
                    byCertificate.put(certificate, name);
                }
            });
            return byCertificate;
        }
    }
}
