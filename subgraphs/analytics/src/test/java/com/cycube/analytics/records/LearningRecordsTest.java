package com.cycube.analytics.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.analytics.LearningFacts;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * learningRecords: every learning fact as one xAPI statement (ADL verbs, account actors, never an e-mail address),
 * stored once however often it is delivered; a trainee lists their own, a manager their organization's.
 */
class LearningRecordsTest extends LearningFacts {

    static final String RECORDS = """
            query($filter: LearningRecordFilter, $first: Int, $after: String) {
              learningRecords(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { hasNextPage endCursor }
                edges { node { id userId organizationId verb verbIri objectId objectType success scoreRaw scoreScaled
                               attempt hintsTaken courseId cubeId timestamp statement } }
              } }""";

    @BeforeEach
    void learningHappens() {
        selfEnrolled(Persona.ACME_TRAINEE, "course-phishing");
        answered(Persona.ACME_TRAINEE, "quiz-1", "q-1", 2, true, 1);
        lab(Persona.ACME_TRAINEE, "lab-a", "REQUESTED", null);
        lab(Persona.ACME_TRAINEE, "lab-a", "PROVISIONING", "REQUESTED"); // a platform step: no record
        courseCompleted(Persona.ACME_TRAINEE, "course-phishing", 88.0);
        selfEnrolled(OTHER_ACME_TRAINEE, "course-phishing");
        selfEnrolled(Persona.GLOBEX_TRAINEE, "course-phishing");
        drain();
    }

    private GraphQlClient.Response records(Persona persona, Map<String, Object> filter, Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        return as(persona, RECORDS, variables);
    }

    @Test
    void each_learning_fact_is_one_xapi_statement_with_an_adl_verb() throws Exception {
        GraphQlClient.Response response = records(Persona.ACME_TRAINEE, null, null).assertNoErrors();

        assertThat(response.<Integer>get("data.learningRecords.totalCount")).isEqualTo(4);
        List<String> verbs = response.get("data.learningRecords.edges[*].node.verb");
        assertThat(verbs).containsExactly("COMPLETED", "LAUNCHED", "ANSWERED", "REGISTERED"); // newest first
        Map<String, Object> answer = response.get("data.learningRecords.edges[2].node");
        assertThat(answer).containsEntry("verbIri", "http://adlnet.gov/expapi/verbs/answered")
                .containsEntry("objectId", "https://cycube.io/xapi/questions/q-1").containsEntry("success", true)
                .containsEntry("attempt", 2).containsEntry("hintsTaken", 1).containsEntry("cubeId", "quiz-1");

        JsonNode statement = JsonMapper.builder().build().readTree(response.<String>get("data.learningRecords.edges[0].node.statement"));
        assertThat(statement.path("actor").path("account").path("name").asString()).isEqualTo(Persona.ACME_TRAINEE.subject());
        assertThat(statement.path("actor").toString()).doesNotContain("@");
        assertThat(statement.path("verb").path("id").asString()).isEqualTo("http://adlnet.gov/expapi/verbs/completed");
        assertThat(statement.path("object").path("id").asString()).isEqualTo("https://cycube.io/xapi/courses/course-phishing");
        assertThat(statement.path("result").path("score").path("scaled").asDouble()).isEqualTo(0.88);
        assertThat(statement.path("context").path("extensions").path("https://cycube.io/xapi/extensions/organization")
                .asString()).isEqualTo(ACME);
    }

    @Test
    void a_manager_lists_the_organizations_records_and_filters_them() {
        assertThat(records(Persona.ACME_MANAGER, null, null).assertNoErrors()
                .<Integer>get("data.learningRecords.totalCount")).isEqualTo(5);
        assertThat(records(Persona.ACME_MANAGER, Map.of("userId", OTHER_ACME_TRAINEE.subject()), null).assertNoErrors()
                .<Integer>get("data.learningRecords.totalCount")).isEqualTo(1);
        assertThat(records(Persona.ACME_MANAGER, Map.of("verb", "REGISTERED"), null).assertNoErrors()
                .<Integer>get("data.learningRecords.totalCount")).isEqualTo(2);
        GraphQlClient.Response firstPage = records(Persona.ACME_MANAGER, null, 2).assertNoErrors();
        assertThat(firstPage.<Boolean>get("data.learningRecords.pageInfo.hasNextPage")).isTrue();
        assertThat(records(Persona.ROOT, Map.of("organizationId", GLOBEX), null).assertNoErrors()
                .<Integer>get("data.learningRecords.totalCount")).isEqualTo(1);
    }

    @Test
    void a_trainee_sees_only_their_own_and_nobody_sees_another_organizations() {
        assertThat(records(Persona.ACME_TRAINEE, Map.of("userId", OTHER_ACME_TRAINEE.subject()), null).errorCodes())
                .containsExactly("FORBIDDEN");
        assertThat(records(Persona.GLOBEX_MANAGER, null, null).assertNoErrors()
                .<Integer>get("data.learningRecords.totalCount")).isEqualTo(1);
        assertThat(records(Persona.GLOBEX_MANAGER, Map.of("organizationId", ACME), null).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(records(Persona.ACME_HR_INTEGRATION, null, null).errorCodes()).containsExactly("FORBIDDEN");
        assertThat(records(Persona.ACME_MANAGER, Map.of("from", "2030-01-01T00:00:00Z", "to", "2029-01-01T00:00:00Z"),
                null).errorCodes()).containsExactly("BAD_USER_INPUT");
    }
}
