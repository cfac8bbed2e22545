package com.cycube.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.audit.AuditIntegrationTest;
import com.cycube.support.contracts.audit.AuditRecorded;
import com.cycube.support.events.DomainEvent;
import com.cycube.testclient.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Records are stored once each, in one gap-free chain per organization, each linked to the one before it. */
class ChainAppendTest extends AuditIntegrationTest {

    @Autowired
    AuditTrailHandler handler;

    @Test
    void records_of_an_organization_form_one_chain_numbered_from_one_each_linked_to_the_one_before() {
        sendAndDeliver(ACME, 3);

        List<AuditEventDocument> chain = chain(ACME);

        assertThat(chain).extracting(AuditEventDocument::seq).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(0).prevHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(chain.get(1).prevHash()).isEqualTo(chain.get(0).hash());
        assertThat(chain.get(2).prevHash()).isEqualTo(chain.get(1).hash());
        assertThat(chain).allSatisfy(record -> assertThat(ChainHash.of(record)).isEqualTo(record.hash()));
    }

    @Test
    void each_organization_has_its_own_chain_and_records_of_no_organization_go_to_the_platform_chain() {
        sendAndDeliver(ACME, 2);
        sendAndDeliver(GLOBEX, 1);
        send(record(null, Persona.ROOT.subject(), "mutation.createOrganization", "SUCCESS"));
        drain();

        assertThat(chain(ACME)).extracting(AuditEventDocument::seq).containsExactly(1L, 2L);
        assertThat(chain(GLOBEX)).extracting(AuditEventDocument::seq).containsExactly(1L);
        assertThat(chain(AuditEventDocument.PLATFORM_CHAIN)).singleElement()
                .satisfies(record -> assertThat(record.actor()).isEqualTo(Persona.ROOT.subject()));
    }

    @Test
    void a_record_delivered_twice_is_stored_once() {
        DomainEvent event = send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.updateTeam", "SUCCESS"));
        drain();

        handler.handle(event); // a redelivery after a crash before the acknowledgement

        assertThat(chain(ACME)).singleElement().satisfies(record -> assertThat(record.id()).isEqualTo(event.eventId()));
    }

    @Test
    void concurrent_deliveries_including_duplicates_of_one_record_leave_a_gap_free_chain_with_each_record_once()
            throws Exception {
        List<DomainEvent> distinct = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            AuditRecorded record = record(ACME, Persona.ACME_MANAGER.subject(), "mutation.updateTeam", "SUCCESS");
            distinct.add(DomainEvent.of(ACME, record.time(), record));
        }
        List<Callable<Void>> deliveries = new ArrayList<>();
        for (DomainEvent event : distinct) {
            for (int copy = 0; copy < 3; copy++) { // three replicas receive the same event at the same time
                deliveries.add(() -> {
                    handler.handle(event);
                    return null;
                });
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> delivery : threads.invokeAll(deliveries)) {
                delivery.get();
            }
        } finally {
            threads.shutdown();
        }

        List<AuditEventDocument> chain = chain(ACME);
        assertThat(chain).extracting(AuditEventDocument::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(1, distinct.size()).boxed().toList());
        assertThat(chain).extracting(AuditEventDocument::id)
                .containsExactlyInAnyOrderElementsOf(distinct.stream().map(DomainEvent::eventId).toList());
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
        }
        assertThat(trail.head(ACME).seq()).isEqualTo(distinct.size());
    }

    @Test
    void the_record_keeps_who_what_where_and_the_safe_values_set_but_nothing_else() {
        send(record(ACME, Persona.ACME_MANAGER.subject(), "mutation.changeMemberRole", "SUCCESS", null, "198.51.100.7",
                List.of(new AuditRecorded.Change("role", "MANAGER")), null));
        drain();

        assertThat(chain(ACME)).singleElement().satisfies(record -> {
            assertThat(record.actor()).isEqualTo(Persona.ACME_MANAGER.subject());
            assertThat(record.action()).isEqualTo("mutation.changeMemberRole");
            assertThat(record.resourceType()).isEqualTo("User");
            assertThat(record.resourceId()).isEqualTo("user-7");
            assertThat(record.clientIp()).isEqualTo("198.51.100.7");
            assertThat(record.changes()).containsExactly(new AuditEventDocument.Change("role", "MANAGER"));
        });
    }
}
