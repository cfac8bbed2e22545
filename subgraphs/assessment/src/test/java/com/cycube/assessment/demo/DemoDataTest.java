package com.cycube.assessment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.AssessmentIntegrationTest;
import com.cycube.assessment.Ops;
import com.cycube.assessment.questions.FlagHasher;
import com.cycube.testclient.Persona;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

/** The demo questions: idempotent, and the documented demo flag works. */
class DemoDataTest extends AssessmentIntegrationTest {

    @Autowired
    private FlagHasher flags;

    @Test
    void seeding_twice_changes_nothing_and_the_demo_flag_solves_the_lab_question() {
        DemoData demo = new DemoData(mongo, flags);
        demo.run(null);
        long questions = mongo.count(new Query(), "questions");
        String storedKey = mongo.findById("q-linux-triage-flag", org.bson.Document.class, "questions").get("key").toString();
        demo.run(null);
        assertThat(mongo.count(new Query(), "questions")).isEqualTo(questions).isGreaterThanOrEqualTo(8);
        assertThat(mongo.findById("q-linux-triage-flag", org.bson.Document.class, "questions").get("key").toString()).isEqualTo(storedKey);
        assertThat(storedKey).doesNotContainIgnoringCase("grep-the-auth-log");
        assertThat((Boolean) submit(Persona.ACME_TRAINEE, "q-linux-triage-flag", "flag", "cycube{GREP-the-auth-log}")
                .assertNoErrors().get("data.submitAnswer.correct")).isTrue();
        assertThat((List<Object>) as(Persona.GLOBEX_TRAINEE, Ops.ENTITIES, Map.of("r", List.of(Map.of("__typename", "Cube",
                "id", DemoData.ACME_IR_QUIZ)))).assertNoErrors().get("data._entities[0].questions")).isEmpty();
        assertThat((List<Object>) as(Persona.ACME_TRAINEE, Ops.ENTITIES, Map.of("r", List.of(Map.of("__typename", "Cube",
                "id", DemoData.ACME_IR_QUIZ)))).assertNoErrors().get("data._entities[0].questions")).hasSize(2);
    }
}
