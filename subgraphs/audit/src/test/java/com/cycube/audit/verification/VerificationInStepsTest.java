package com.cycube.audit.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

/**
 * A chain longer than one call may walk is verified in steps: each answer that is not complete carries a signed cursor,
 * the next call continues from the record the one before stopped at — which must still be exactly as it was — so a
 * problem anywhere, also one made between two steps, is found, and a cursor a client made up is refused. Here a step
 * walks at most 3 records (the budgets are the same in {@code ExportLimitTest}, so both share one application).
 */
@TestPropertySource(properties = {"cycube.audit.verification.max-records=3", "cycube.audit.export.max-rows=3"})
class VerificationInStepsTest extends AuditIntegrationTest {

    private static final String VERIFY = """
            query($org: ID, $from: DateTime, $to: DateTime, $after: String) {
              verifyAuditTrail(organizationId: $org, from: $from, to: $to, after: $after) {
                organizationId intact checkedRecords complete continueAfterSequence cursor
                firstProblem { seq recordId kind detail }
              }
            }""";

    @Autowired
    TrailVerifier verifier;

    @Test
    void a_long_chain_is_verified_in_steps_each_continuing_where_the_one_before_stopped() {
        sendAndDeliver(ACME, 8);

        GraphQlClient.Response first = step(Persona.ACME_MANAGER, null);
        assertThat(first.<Boolean>get("data.verifyAuditTrail.intact")).isTrue();
        assertThat(first.<Boolean>get("data.verifyAuditTrail.complete")).isFalse();
        assertThat(first.<Integer>get("data.verifyAuditTrail.checkedRecords")).isEqualTo(3);
        assertThat(first.<Integer>get("data.verifyAuditTrail.continueAfterSequence")).isEqualTo(3);

        GraphQlClient.Response second = step(Persona.ACME_MANAGER, cursorOf(first));
        assertThat(second.<Integer>get("data.verifyAuditTrail.checkedRecords")).isEqualTo(3);
        assertThat(second.<Integer>get("data.verifyAuditTrail.continueAfterSequence")).isEqualTo(6);

        GraphQlClient.Response last = step(Persona.ACME_MANAGER, cursorOf(second));
        assertThat(last.<Boolean>get("data.verifyAuditTrail.intact")).isTrue();
        assertThat(last.<Boolean>get("data.verifyAuditTrail.complete")).isTrue();
        assertThat(last.<Integer>get("data.verifyAuditTrail.checkedRecords")).isEqualTo(2);
        assertThat(last.<Integer>get("data.verifyAuditTrail.continueAfterSequence")).isNull();
        assertThat(last.<String>get("data.verifyAuditTrail.cursor")).isNull();
    }

    @Test
    void a_record_altered_in_a_later_part_of_the_chain_is_found_by_the_step_that_reaches_it() {
        sendAndDeliver(ACME, 8);
        GraphQlClient.Response first = step(Persona.ACME_MANAGER, null);
        mongo.updateFirst(atSeq(ACME, 5), new Update().set("outcome", "DENIED"), AuditEventDocument.COLLECTION);

        GraphQlClient.Response second = step(Persona.ACME_MANAGER, cursorOf(first));

        assertThat(second.<Boolean>get("data.verifyAuditTrail.intact")).isFalse();
        assertThat(second.<Boolean>get("data.verifyAuditTrail.complete")).isTrue();
        assertThat(second.<String>get("data.verifyAuditTrail.cursor")).isNull();
        assertThat(second.<Integer>get("data.verifyAuditTrail.firstProblem.seq")).isEqualTo(5);
        assertThat(second.<String>get("data.verifyAuditTrail.firstProblem.kind")).isEqualTo("ALTERED");
    }

    @Test
    void the_record_a_step_stopped_at_rewritten_before_the_next_step_is_found_as_altered() {
        sendAndDeliver(ACME, 8);
        GraphQlClient.Response first = step(Persona.ACME_MANAGER, null);
        rewriteWithItsOwnHash(ACME, 3, "someone-else"); // only the cursor still knows what it was

        GraphQlClient.Response second = step(Persona.ACME_MANAGER, cursorOf(first));

        assertThat(second.<Boolean>get("data.verifyAuditTrail.intact")).isFalse();
        assertThat(second.<Integer>get("data.verifyAuditTrail.firstProblem.seq")).isEqualTo(3);
        assertThat(second.<String>get("data.verifyAuditTrail.firstProblem.kind")).isEqualTo("ALTERED");
    }

    @Test
    void a_record_deleted_where_a_step_stopped_is_found_as_missing() {
        sendAndDeliver(ACME, 8);
        GraphQlClient.Response first = step(Persona.ACME_MANAGER, null);
        mongo.remove(atSeq(ACME, 3), AuditEventDocument.COLLECTION);

        GraphQlClient.Response second = step(Persona.ACME_MANAGER, cursorOf(first));

        assertThat(second.<Integer>get("data.verifyAuditTrail.firstProblem.seq")).isEqualTo(3);
        assertThat(second.<String>get("data.verifyAuditTrail.firstProblem.kind")).isEqualTo("MISSING");
    }

    @Test
    void a_chain_cut_off_after_a_step_is_found_as_truncated_by_the_last_step() {
        sendAndDeliver(ACME, 8);
        checkpoints.checkpointAll();
        GraphQlClient.Response first = step(Persona.ACME_MANAGER, null);
        mongo.remove(Query.query(Criteria.where("chain").is(ACME).and("seq").gt(5)), AuditEventDocument.COLLECTION);

        GraphQlClient.Response second = step(Persona.ACME_MANAGER, cursorOf(first));

        assertThat(second.<Boolean>get("data.verifyAuditTrail.complete")).isTrue();
        assertThat(second.<String>get("data.verifyAuditTrail.firstProblem.kind")).isEqualTo("TRUNCATED");
        assertThat(second.<Integer>get("data.verifyAuditTrail.firstProblem.seq")).isEqualTo(6);
    }

    @Test
    void a_continued_verification_keeps_the_window_of_its_first_step() {
        sendAndDeliver(ACME, 3);
        clock.advance(Duration.ofHours(1));
        Instant from = now();
        sendAndDeliver(ACME, 6);
        clock.advance(Duration.ofHours(1));
        Instant to = now();
        sendAndDeliver(ACME, 3);

        long checked = 0;
        String cursor = null;
        for (int steps = 1; steps <= 5; steps++) {
            Map<String, Object> variables = new HashMap<>(Map.of("from", from.toString(), "to", to.toString()));
            if (cursor != null) {
                variables.put("after", cursor);
            }
            GraphQlClient.Response step = as(Persona.ACME_MANAGER, VERIFY, variables).assertNoErrors();
            assertThat(step.<Boolean>get("data.verifyAuditTrail.intact")).isTrue();
            checked += step.<Integer>get("data.verifyAuditTrail.checkedRecords");
            cursor = step.get("data.verifyAuditTrail.cursor");
            if (step.<Boolean>get("data.verifyAuditTrail.complete")) {
                assertThat(steps).isEqualTo(3);
                break;
            }
        }
        assertThat(checked).as("seq 3 (the link before the window), 4 to 9").isEqualTo(7);
    }

    @Test
    void a_step_whose_time_is_up_stops_after_at_least_one_record_and_the_walk_still_gets_through() {
        sendAndDeliver(ACME, 4);
        TrailVerifier.Budget noTime = new TrailVerifier.Budget(100, Duration.ZERO);

        Verification step = verifier.verify(ACME, null, null, null, noTime);
        int steps = 1;
        while (!step.complete()) {
            assertThat(step.checkedRecords()).isEqualTo(1);
            step = verifier.verify(ACME, null, null, step.cursor(), noTime);
            steps++;
        }

        assertThat(step.intact()).isTrue();
        assertThat(steps).isEqualTo(4);
    }

    @Test
    void a_cursor_that_was_not_given_for_this_trail_is_refused_with_BAD_USER_INPUT_and_nothing_is_recorded() {
        sendAndDeliver(ACME, 8);
        sendAndDeliver(GLOBEX, 8);
        String cursor = cursorOf(step(Persona.ACME_MANAGER, null));
        String globexCursor = cursorOf(step(Persona.GLOBEX_MANAGER, null));
        drain(); // the two reads above are recorded
        int acmeRecords = chain(ACME).size();
        String[] parts = cursor.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String skipAhead = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replaceFirst("\n3\n", "\n7\n").getBytes(StandardCharsets.UTF_8)) + "." + parts[1];
        String otherSignature = parts[0] + "." + "0".repeat(64);

        for (String forged : List.of("not-a-cursor", "", skipAhead, otherSignature, cursor + "x", globexCursor,
                "%%%." + parts[1], "x".repeat(5000))) {
            GraphQlClient.Response refused = step(Persona.ACME_MANAGER, forged);

            assertThat(refused.errorCodes()).as(forged).containsExactly("BAD_USER_INPUT");
            assertThat(refused.body()).doesNotContain("Exception", "java.", "at com.");
        }
        drain();
        assertThat(chain(ACME)).as("a refused step records no read").hasSize(acmeRecords);
        assertThat(step(Persona.ACME_MANAGER, cursor).<Boolean>get("data.verifyAuditTrail.intact"))
                .as("the real cursor still works").isTrue();
    }

    @Test
    void root_cannot_continue_one_organizations_verification_on_another_organizations_trail() {
        sendAndDeliver(ACME, 8);
        sendAndDeliver(GLOBEX, 8);
        String acmeCursor = cursorOf(as(Persona.ROOT, VERIFY, Map.of("org", ACME)).assertNoErrors());

        assertThat(as(Persona.ROOT, VERIFY, Map.of("org", GLOBEX, "after", acmeCursor)).errorCodes())
                .containsExactly("BAD_USER_INPUT");
        assertThat(as(Persona.ROOT, VERIFY, Map.of("org", ACME, "after", acmeCursor)).assertNoErrors()
                .<Integer>get("data.verifyAuditTrail.continueAfterSequence")).isEqualTo(6);
    }

    private GraphQlClient.Response step(Persona persona, String after) {
        Map<String, Object> variables = new HashMap<>();
        if (after != null) {
            variables.put("after", after);
        }
        return as(persona, VERIFY, variables);
    }

    private static String cursorOf(GraphQlClient.Response response) {
        String cursor = response.assertNoErrors().get("data.verifyAuditTrail.cursor");
        assertThat(cursor).isNotBlank();
        return cursor;
    }

    private static Query atSeq(String chain, long seq) {
        return Query.query(Criteria.where("chain").is(chain).and("seq").is(seq));
    }
}
