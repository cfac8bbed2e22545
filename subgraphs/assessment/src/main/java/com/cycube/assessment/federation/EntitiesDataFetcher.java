package com.cycube.assessment.federation;

import com.cycube.assessment.answers.AnswerDataLoaders;
import com.cycube.assessment.answers.QuizScore;
import com.cycube.assessment.certificates.CertificateDataLoaders;
import com.cycube.assessment.certificates.CertificateDocument;
import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFactService;
import com.cycube.assessment.cubes.CubeFactsDataLoader;
import com.cycube.assessment.questions.QuestionDataLoaders;
import com.cycube.assessment.questions.QuestionView;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code _entities} and the fields assessment adds to other subgraphs' entities ({@code Cube.questions},
 * {@code Cube.passMark}, {@code Cube.quizResult}, {@code User.certificates}). Lookups go through caller-aware
 * DataLoaders: N references cost one read per level, and what the caller may not see resolves exactly like a
 * missing id (a null Question or Certificate, a Cube without questions, a User without certificates).
 */
@DgsComponent
public class EntitiesDataFetcher {

    private final CubeFactService cubes;

    public EntitiesDataFetcher(CubeFactService cubes) {
        this.cubes = cubes;
    }

    @DgsEntityFetcher(name = "Question")
    public CompletableFuture<QuestionView> question(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, QuestionDataLoaders.QUESTIONS, EntityReference.of("Question", values).id());
    }

    @DgsEntityFetcher(name = "Certificate")
    public CompletableFuture<CertificateDocument> certificate(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, CertificateDataLoaders.CERTIFICATES, EntityReference.of("Certificate", values).id());
    }

    /** The reference is all assessment needs: Cube's fields are looked up per caller. */
    @DgsEntityFetcher(name = "Cube")
    public EntityReference cube(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("Cube", values);
    }

    @DgsEntityFetcher(name = "User")
    public EntityReference user(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return EntityReference.of("User", values);
    }

    @DgsData(parentType = "Cube", field = "questions")
    public CompletableFuture<List<QuestionView>> questions(DataFetchingEnvironment env) {
        EntityReference cube = env.getSource();
        return RequestContext.<String, List<QuestionView>>load(env, QuestionDataLoaders.QUESTIONS_BY_CUBE, cube.id())
                .thenApply(questions -> questions == null ? List.of() : questions);
    }

    @DgsData(parentType = "Cube", field = "passMark")
    public CompletableFuture<Integer> passMark(DataFetchingEnvironment env) {
        EntityReference cube = env.getSource();
        return RequestContext.<String, CubeFactDocument>load(env, CubeFactsDataLoader.NAME, cube.id())
                .thenApply(facts -> facts == null ? null : facts.passMarkOr(cubes.defaultPassMark()));
    }

    @DgsData(parentType = "Cube", field = "quizResult")
    public CompletableFuture<QuizScore> quizResult(DataFetchingEnvironment env) {
        EntityReference cube = env.getSource();
        return RequestContext.load(env, AnswerDataLoaders.MY_QUIZ_SCORES, cube.id());
    }

    @DgsData(parentType = "User", field = "certificates")
    public CompletableFuture<List<CertificateDocument>> userCertificates(DataFetchingEnvironment env) {
        EntityReference user = env.getSource();
        return RequestContext.load(env, CertificateDataLoaders.CERTIFICATES_BY_USER, user.id());
    }
}
