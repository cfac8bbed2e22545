package com.cycube.labs.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.labs.LabsIntegrationTest;
import com.cycube.labs.Ops;
import com.cycube.labs.instances.LabInstanceDocument;
import com.cycube.labs.instances.LabState;
import com.cycube.labs.instances.LabTransition;
import com.cycube.labs.provisioning.LabProvisioner;
import com.cycube.testclient.GraphQlClient;
import com.cycube.testclient.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The organization's lab quota (3 in these tests) is a reservation that can never be exceeded, however many
 * launches race, and a lab that ends frees its place exactly once, whichever way it ends and however often it is
 * told to end.
 */
class QuotaReservationTest extends LabsIntegrationTest {

    @Autowired
    LabProvisioner provisioner;

    /** Acme trainees beyond the seed users (the test tokens accept any person). */
    private static Persona acmeTrainee(int number) {
        return Persona.person("00000000-0000-4000-8000-0000000001%02d".formatted(number), "trainee" + number + "@acme.test",
                "Trainee " + number, "TRAINEE", Persona.ACME);
    }

    private GraphQlClient.Response launchResponse(Persona persona, String cubeId) {
        return as(persona, Ops.LAUNCH, Map.of("input", Map.of("cubeId", cubeId)));
    }

    private long activeLabs(String organizationId) {
        return mongo.count(Query.query(Criteria.where("organizationId").is(organizationId).and("state").in(LabState.activeNames())),
                LabInstanceDocument.class);
    }

    @Test
    void twelve_parallel_launches_by_colleagues_for_different_cubes_against_a_quota_of_three_start_exactly_three() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean launching = new AtomicBoolean(true);
        AtomicLong mostActiveSeen = new AtomicLong();
        Thread observer = new Thread(() -> {
            while (launching.get()) {
                mostActiveSeen.accumulateAndGet(activeLabs(Persona.ACME), Math::max);
                LockSupport.parkNanos(1_000_000);
            }
        });
        List<CompletableFuture<GraphQlClient.Response>> launches = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                Persona trainee = acmeTrainee(i % 6);                  // six colleagues ...
                String cube = TEST_LAB_CUBES.get(3 + i / 6);          // ... each launching two different cubes
                launches.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return launchResponse(trainee, cube);
                }, pool));
            }
            observer.start();
            start.countDown();
            CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            launching.set(false);
            observer.join();
            pool.shutdown();
        }
        List<GraphQlClient.Response> responses = launches.stream().map(CompletableFuture::join).toList();
        assertThat(responses).filteredOn(response -> response.errorCodes().isEmpty()).hasSize(3);
        assertThat(responses).filteredOn(response -> !response.errorCodes().isEmpty()).hasSize(9)
                .allSatisfy(refused -> {
                    assertThat(refused.errorCodes()).containsExactly("CONFLICT");
                    assertThat(refused.body()).contains("quota");
                });
        assertThat(mostActiveSeen.get()).isLessThanOrEqualTo(3);
        assertThat(activeLabs(Persona.ACME)).isEqualTo(3);
        assertThat(mongo.count(new Query(), LabInstanceDocument.class)).isEqualTo(3);
        assertThat(as(Persona.ACME_MANAGER, Ops.QUOTA, Map.of()).assertNoErrors().<Integer>get("data.labQuota.activeLabs")).isEqualTo(3);
        // Globex's quota is its own
        launch(Persona.GLOBEX_TRAINEE, "cube-1");
    }

    @Test
    void a_terminated_lab_frees_its_place_exactly_once_however_often_it_is_ended() {
        String first = launch(Persona.ACME_TRAINEE, "cube-1");
        launch(Persona.ACME_TRAINEE, "cube-2");
        launch(Persona.ACME_TRAINEE, "cube-3");
        LabInstanceDocument beforeTheEnd = stored(first);

        as(Persona.ACME_TRAINEE, Ops.TERMINATE, Map.of("input", Map.of("id", first))).assertNoErrors();
        as(Persona.ACME_MANAGER, Ops.TERMINATE, Map.of("input", Map.of("id", first))).assertNoErrors(); // again
        assertThat(provisioner.expire(beforeTheEnd)).isEmpty();                                          // expiry after terminate
        assertThat(provisioner.fail(beforeTheEnd, "late failure").state()).isNotEqualTo(LabState.FAILED); // a late failure
        clock.advance(Duration.ofSeconds(3));
        driver.tick();                                                                                   // STOPPING → TERMINATED
        reaper.tick();
        reaper.tick();
        assertThat(stored(first).state()).isEqualTo(LabState.TERMINATED);

        launch(Persona.ACME_TRAINEE, "cube-4");
        GraphQlClient.Response refused = launchResponse(Persona.ACME_MANAGER, "cube-1");
        assertThat(refused.errorCodes()).containsExactly("CONFLICT");
        assertThat(refused.body()).contains("quota");
        assertThat(activeLabs(Persona.ACME)).isEqualTo(3);
    }

    @Test
    void failed_and_expired_labs_free_their_places() {
        String broken = launch(Persona.ACME_TRAINEE, "cube-broken-lab", "tmpl-broken");
        launch(Persona.ACME_TRAINEE, "cube-1");
        launch(Persona.ACME_TRAINEE, "cube-2");
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-3").errorCodes()).containsExactly("CONFLICT");

        clock.advance(Duration.ofSeconds(4));
        driver.tick();
        assertThat(stored(broken).state()).isEqualTo(LabState.FAILED);
        launch(Persona.ACME_TRAINEE, "cube-3");
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-4").errorCodes()).containsExactly("CONFLICT");

        clock.advance(Duration.ofMinutes(61));
        assertThat(reaper.tick().expired()).isEqualTo(3);
        assertThat(reaper.tick().expired()).isZero();
        launch(Persona.ACME_TRAINEE, "cube-1");
        launch(Persona.ACME_TRAINEE, "cube-2");
        launch(Persona.ACME_TRAINEE, "cube-3");
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-4").errorCodes()).containsExactly("CONFLICT");
    }

    @Test
    void labs_active_before_the_reservation_existed_count_against_the_quota() {
        // as if launched by an earlier version that only counted labs
        insertActiveLab("lab-old-1", "cube-1");
        insertActiveLab("lab-old-2", "cube-2");
        launch(Persona.ACME_TRAINEE, "cube-3");
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-4").errorCodes()).containsExactly("CONFLICT");
    }

    @Test
    void a_place_left_held_by_a_crash_is_given_back_by_the_reaper() {
        String lab = launch(Persona.ACME_TRAINEE, "cube-1");
        // a crash right after a lab ended, before its place was given back ...
        mongo.updateFirst(Query.query(Criteria.where("_id").is(lab)),
                new Update().set("state", LabState.TERMINATED.name()).unset("activeKey"), LabInstanceDocument.class);
        // ... and one right after a place was reserved, before the lab was stored
        mongo.updateFirst(Query.query(Criteria.where("_id").is(Persona.ACME)), new Update().push("holders",
                new Document("labId", "lab-never-stored").append("activeKey", "x|y|z").append("at", Date.from(clock.instant()))),
                LabQuotaUsageStore.COLLECTION);
        launch(Persona.ACME_TRAINEE, "cube-2");
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-3").errorCodes()).containsExactly("CONFLICT");

        reaper.tick(); // the ended lab's place comes back at once; the unstored one only after the grace period
        launch(Persona.ACME_TRAINEE, "cube-3");
        assertThat(launchResponse(Persona.ACME_TRAINEE, "cube-4").errorCodes()).containsExactly("CONFLICT");

        clock.advance(LabQuotaService.UNSTORED_LAB_GRACE.plusSeconds(1));
        reaper.tick();
        launch(Persona.ACME_TRAINEE, "cube-4");
        assertThat(launchResponse(Persona.ACME_MANAGER, "cube-1").errorCodes()).containsExactly("CONFLICT");
    }

    private void insertActiveLab(String id, String cubeId) {
        Instant now = clock.instant();
        String owner = Persona.ACME_TRAINEE.subject();
        mongo.insert(new LabInstanceDocument(id, Persona.ACME, owner, cubeId, "tmpl-kali-ssh", LabState.REQUESTED, 0, 1,
                LabInstanceDocument.activeKey(Persona.ACME, owner, cubeId), null, null, null, null, now,
                now.plus(Duration.ofHours(1)), null, null, List.of(new LabTransition(null, LabState.REQUESTED, now, "launched")),
                List.of(), List.of(), now));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
