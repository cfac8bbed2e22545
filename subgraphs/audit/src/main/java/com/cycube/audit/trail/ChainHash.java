package com.cycube.audit.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash of a record: lowercase hex SHA-256 of the UTF-8 bytes of its canonical JSON — one object, no whitespace,
 * keys in exactly this order:
 * {@code v} (1, or 2 for a record with a {@code reason}), {@code id}, {@code chain}, {@code seq}, {@code prevHash}, {@code time}, {@code recordedAt},
 * {@code service}, {@code actor}, {@code actorKind}, {@code actorName}, {@code organizationId}, {@code action},
 * {@code resourceType}, {@code resourceId}, {@code resource}, {@code outcome}, {@code errorCode}, {@code requestId},
 * {@code traceParent}, {@code clientIp}, {@code changes} (an array of {@code [field, value]} pairs in stored order),
 * {@code detail}, and — in version 2 only — {@code reason}. Missing values are {@code null}; {@code seq} a JSON integer; times UTC ISO-8601 with exactly three
 * fraction digits ({@code 2026-12-07T16:30:00.000Z}); strings escape {@code "} and {@code \} with a backslash and
 * control characters below U+0020 as {@code \}{@code u00XX}, everything else as is. docs/compliance.md shows how an
 * auditor recomputes it. Version 2 (2026-12) adds the refusal's reason code; a record without one keeps version 1, so
 * records stored before it hash as they always did, and adding or removing a reason changes the hash like any edit.
 */
public final class ChainHash {

    /** The {@code prevHash} of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ChainHash() {
    }

    public static String of(AuditEventDocument record) {
        return sha256(canonical(record));
    }

    /** The record's hash as if it were at position {@code seq}: tells a record moved along the chain from an altered one. */
    public static String at(AuditEventDocument record, long seq) {
        return of(record.withLink(seq, record.prevHash(), null));
    }

    static String canonical(AuditEventDocument r) {
        StringBuilder json = new StringBuilder(512).append(r.reason() == null ? "{\"v\":1" : "{\"v\":2");
        field(json, "id", r.id());
        field(json, "chain", r.chain());
        json.append(",\"seq\":").append(r.seq());
        field(json, "prevHash", r.prevHash());
        field(json, "time", r.time() == null ? null : MILLIS.format(r.time()));
        field(json, "recordedAt", r.recordedAt() == null ? null : MILLIS.format(r.recordedAt()));
        field(json, "service", r.service());
        field(json, "actor", r.actor());
        field(json, "actorKind", r.actorKind());
        field(json, "actorName", r.actorName());
        field(json, "organizationId", r.organizationId());
        field(json, "action", r.action());
        field(json, "resourceType", r.resourceType());
        field(json, "resourceId", r.resourceId());
        field(json, "resource", r.resource());
        field(json, "outcome", r.outcome());
        field(json, "errorCode", r.errorCode());
        field(json, "requestId", r.requestId());
        field(json, "traceParent", r.traceParent());
        field(json, "clientIp", r.clientIp());
        json.append(",\"changes\":[");
        for (int i = 0; i < r.changes().size(); i++) {
            AuditEventDocument.Change change = r.changes().get(i);
            json.append(i == 0 ? "[" : ",[");
            string(json, change.field());
            json.append(',');
            string(json, change.value());
            json.append(']');
        }
        json.append(']');
        field(json, "detail", r.detail());
        if (r.reason() != null) {
            field(json, "reason", r.reason());
        }
        return json.append('}').toString();
    }

    /** Hex SHA-256 of {@code text}'s UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    /** {@code time} as the canonical form writes it. */
    public static String format(Instant time) {
        return MILLIS.format(time);
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":");
        string(json, value);
    }

    private static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
