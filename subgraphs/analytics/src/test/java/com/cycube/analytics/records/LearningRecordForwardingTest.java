package com.cycube.analytics.records;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.testclient.Persona;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwarding to a Learning Record Store (WireMock answering like an LRS's xAPI Statements API): every record reaches
 * it once accepted, with the xAPI version header and the configured credentials; an LRS that is down gets them later
 * and nothing is lost; a statement it refuses as invalid is set aside without holding back the others.
 */
class LearningRecordForwardingTest extends LearningFacts {

    static final WireMockServer LRS = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        LRS.start();
    }

    @DynamicPropertySource
    static void forwardToTheLrs(DynamicPropertyRegistry properties) {
        properties.add("cycube.analytics.lrs.enabled", () -> "true");
        properties.add("cycube.analytics.lrs.scheduled", () -> "false");
        properties.add("cycube.analytics.lrs.endpoint", () -> LRS.baseUrl() + "/xapi/");
        properties.add("cycube.analytics.lrs.username", () -> "cycube");
        properties.add("cycube.analytics.lrs.password", () -> "lrs-secret");
        properties.add("cycube.analytics.lrs.batch-size", () -> "2");
    }

    @AfterAll
    static void stopLrs() {
        LRS.stop();
    }

    @Autowired
    LearningRecordForwarder forwarder;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void threeRecords() {
        LRS.resetAll();
        clock.advance(Duration.ofHours(1)); // past any back-off a previous test left
        forwarder.forwardPending(); // whatever the directory set-up made (nothing): start clean
        selfEnrolled(Persona.ACME_TRAINEE, "course-phishing");
        answered(Persona.ACME_TRAINEE, "quiz-1", "q-1", 1, true, 0);
        certificate(Persona.ACME_TRAINEE, "cert-1", "course-phishing");
        drain();
    }

    private List<String> forwardedIds() {
        return LRS.findAll(postRequestedFor(urlEqualTo("/xapi/statements"))).stream()
                .flatMap(request -> JSON.readTree(request.getBodyAsString()).valueStream())
                .map(statement -> statement.path("id").asString()).toList();
    }

    private long waiting() {
        return mongo.count(Query.query(Criteria.where("forwardedAt").is(null).and("rejectedAt").is(null)),
                LearningRecord.COLLECTION);
    }

    @Test
    void every_record_reaches_the_lrs_once_in_batches_with_the_xapi_version_and_credentials() {
        LRS.stubFor(post(urlEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(200).withBody("[]")));

        assertThat(forwarder.forwardPending()).isEqualTo(3);
        assertThat(forwarder.forwardPending()).as("nothing twice").isZero();

        List<LoggedRequest> requests = LRS.findAll(postRequestedFor(urlEqualTo("/xapi/statements")));
        assertThat(requests).hasSize(2); // batches of 2
        String basic = "Basic " + Base64.getEncoder().encodeToString("cycube:lrs-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getHeader("X-Experience-API-Version")).isEqualTo("1.0.3");
            assertThat(request.getHeader("Authorization")).isEqualTo(basic);
        });
        List<JsonNode> statements = requests.stream()
                .flatMap(request -> JSON.readTree(request.getBodyAsString()).valueStream()).toList();
        assertThat(statements).extracting(statement -> statement.path("verb").path("id").asString())
                .containsExactlyInAnyOrder("http://adlnet.gov/expapi/verbs/registered",
                        "http://adlnet.gov/expapi/verbs/answered", "http://id.tincanapi.com/verb/earned");
        assertThat(statements).allSatisfy(statement -> assertThat(statement.path("actor").path("account").path("name")
                .asString()).isEqualTo(Persona.ACME_TRAINEE.subject()));
        assertThat(forwardedIds()).doesNotHaveDuplicates().hasSize(3)
                .containsExactlyInAnyOrderElementsOf(mongo.findAll(Document.class, LearningRecord.COLLECTION).stream()
                        .map(record -> record.getString("_id")).toList());
        assertThat(waiting()).isZero();
    }

    @Test
    void an_lrs_that_is_down_gets_everything_later_and_nothing_is_lost() {
        LRS.stubFor(post(urlEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(503)));

        assertThat(forwarder.forwardPending()).isZero();
        assertThat(waiting()).isEqualTo(3);
        LRS.resetAll();
        LRS.stubFor(post(urlEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(204)));
        assertThat(forwarder.forwardPending()).as("still backing off").isZero();
        assertThat(LRS.findAll(postRequestedFor(urlEqualTo("/xapi/statements")))).isEmpty();

        clock.advance(Duration.ofSeconds(6));
        assertThat(forwarder.forwardPending()).isEqualTo(3);
        assertThat(waiting()).isZero();
    }

    @Test
    void a_statement_the_lrs_refuses_is_set_aside_and_the_others_go_through() {
        String answerId = mongo.findOne(Query.query(Criteria.where("verb").is("ANSWERED")), Document.class,
                LearningRecord.COLLECTION).getString("_id");
        LRS.stubFor(post(urlEqualTo("/xapi/statements")).atPriority(5)
                .willReturn(aResponse().withStatus(200).withBody("[]")));
        LRS.stubFor(post(urlEqualTo("/xapi/statements")).atPriority(1)
                .withRequestBody(matchingJsonPath("$[?(@.id == '" + answerId + "')]"))
                .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"invalid result\"}")));

        assertThat(forwarder.forwardPending()).isEqualTo(2);
        assertThat(forwarder.forwardPending()).isZero();

        Document refused = mongo.findById(answerId, Document.class, LearningRecord.COLLECTION);
        assertThat(refused.get("rejectedAt")).isNotNull();
        assertThat(refused.getString("rejectedBecause")).contains("HTTP 400", "invalid result");
        assertThat(waiting()).isZero();
        List<LoggedRequest> withIt = LRS.findAll(postRequestedFor(urlEqualTo("/xapi/statements"))
                .withHeader("X-Experience-API-Version", equalTo("1.0.3")).withRequestBody(containing(answerId)));
        assertThat(withIt).as("in its batch (if it shared one), then alone").hasSizeBetween(1, 2);
        assertThat(JSON.readTree(withIt.get(withIt.size() - 1).getBodyAsString()).size()).isEqualTo(1);
    }
}
