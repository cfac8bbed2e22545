package com.cycube.audit.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The canonical form an auditor recomputes (docs/compliance.md): version 1 for every record without a refusal reason —
 * exactly as before reasons were kept, so stored chains still verify — and version 2, with {@code reason} last, for a
 * record that has one.
 */
class ChainHashTest {

    private static final Instant TIME = Instant.parse("2026-12-07T16:30:00.123Z");

    @Test
    void a_record_without_a_reason_keeps_the_version_1_form() {
        AuditEventDocument record = record(null);

        assertThat(ChainHash.canonical(record)).isEqualTo("{\"v\":1,\"id\":\"rec-1\",\"chain\":\"org-acme\",\"seq\":7,"
                + "\"prevHash\":\"" + "a".repeat(64) + "\",\"time\":\"2026-12-07T16:30:00.123Z\","
                + "\"recordedAt\":\"2026-12-07T16:30:00.123Z\",\"service\":\"identity\",\"actor\":\"user-1\","
                + "\"actorKind\":\"PERSON\",\"actorName\":null,\"organizationId\":\"org-acme\",\"action\":\"query.me\","
                + "\"resourceType\":null,\"resourceId\":null,\"resource\":null,\"outcome\":\"DENIED\","
                + "\"errorCode\":\"UNAUTHENTICATED\",\"requestId\":\"req-1\",\"traceParent\":null,"
                + "\"clientIp\":\"192.0.2.44\",\"changes\":[[\"role\",\"MANAGER\"]],"
                + "\"detail\":\"The account is deactivated\"}");
        assertThat(ChainHash.of(record)).isEqualTo(ChainHash.sha256(ChainHash.canonical(record)));
    }

    @Test
    void a_record_with_a_reason_is_hashed_in_version_2_with_the_reason_last() {
        String canonical = ChainHash.canonical(record("ACCOUNT_DEACTIVATED"));

        assertThat(canonical).startsWith("{\"v\":2,\"id\":\"rec-1\",")
                .endsWith(",\"detail\":\"The account is deactivated\",\"reason\":\"ACCOUNT_DEACTIVATED\"}");
        assertThat(canonical.replace("{\"v\":2,", "{\"v\":1,").replace(",\"reason\":\"ACCOUNT_DEACTIVATED\"", ""))
                .isEqualTo(ChainHash.canonical(record(null)));
    }

    @Test
    void adding_removing_or_changing_a_reason_changes_the_hash() {
        assertThat(ChainHash.of(record("ACCOUNT_DEACTIVATED")))
                .isNotEqualTo(ChainHash.of(record(null)))
                .isNotEqualTo(ChainHash.of(record("ORGANIZATION_DEACTIVATED")));
    }

    private static AuditEventDocument record(String reason) {
        return new AuditEventDocument("rec-1", "org-acme", 7, "a".repeat(64), null, TIME, TIME, "identity", "user-1",
                "PERSON", null, "org-acme", "query.me", null, null, null, "DENIED", "UNAUTHENTICATED", "req-1", null,
                "192.0.2.44", List.of(new AuditEventDocument.Change("role", "MANAGER")), "The account is deactivated",
                reason);
    }
}
