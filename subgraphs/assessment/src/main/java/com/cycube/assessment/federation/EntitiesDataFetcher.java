package com.cycube.assessment.federation;

import com.cycube.assessment.AssessmentDataLoaders;
import com.cycube.assessment.answers.QuizScore;
import com.cycube.assessment.certificates.CertificateDocument;
import com.cycube.assessment.cubes.CubeFactDocument;
import com.cycube.assessment.cubes.CubeFacts;
import com.cycube.assessment.questions.QuestionView;
import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code _entities} and the fields assessment adds to other subgraphs' entities. Lookups go through caller-aware
 * DataLoaders: N references cost one read per level, and what the caller may not see resolves exactly like a
 * missing id (a null Question or Certificate, a Cube without questions, a User without certificates).
 */
@DgsComponent
public class EntitiesDataFetcher {

    private final CubeFacts cubes;

    public EntitiesDataFetcher(CubeFacts cubes) {
        this.cubes = cubes;
    }

    @DgsEntityFetcher(name = "Question")
    public CompletableFuture<QuestionView> question(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, AssessmentDataLoaders.QUESTIONS, (String) values.get("id"));
    }

    @DgsEntityFetcher(name = "Certificate")
    public CompletableFuture<CertificateDocument> certificate(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return RequestContext.load(env, AssessmentDataLoaders.CERTIFICATES, (String) values.get("id"));
    }

    /** The reference is all assessment needs: Cube's fields are looked up per caller. */
    @DgsEntityFetcher(name = "Cube")
    public CubeReference cube(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return new CubeReference((String) values.get("id"));
    }

    @DgsEntityFetcher(name = "User")
    public UserReference user(Map<String, Object> values, DgsDataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        return new UserReference((String) values.get("id"));
    }

    @DgsData(parentType = "Cube", field = "questions")
    public CompletableFuture<List<QuestionView>> questions(DataFetchingEnvironment env) {
        CubeReference cube = env.getSource();
        return RequestContext.<String, List<QuestionView>>load(env, AssessmentDataLoaders.QUESTIONS_BY_CUBE, cube.id())
                .thenApply(questions -> questions == null ? List.of() : questions);
    }

    @DgsData(parentType = "Cube", field = "passMark")
    public CompletableFuture<Integer> passMark(DataFetchingEnvironment env) {
        CubeReference cube = env.getSource();
        return RequestContext.<String, CubeFactDocument>load(env, AssessmentDataLoaders.CUBE_FACTS, cube.id())
                .thenApply(facts -> facts == null ? null : facts.passMarkOr(cubes.defaultPassMark()));
    }

    @DgsData(parentType = "Cube", field = "quizResult")
    public CompletableFuture<QuizScore> quizResult(DataFetchingEnvironment env) {
        CubeReference cube = env.getSource();
        return RequestContext.load(env, AssessmentDataLoaders.MY_QUIZ_SCORES, cube.id());
    }
}
