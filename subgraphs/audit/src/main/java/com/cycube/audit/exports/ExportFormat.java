package com.cycube.audit.exports;

import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.ChainHash;
import com.cycube.support.exports.Csv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema's AuditExportFormat and how each writes records, one per line, in the order given.
 * <ul>
 *   <li>{@code JSON_LINES}: one JSON object per record with every stored field, exactly as stored (times ISO-8601
 *       UTC with milliseconds, as hashed): an auditor can recompute each hash (docs/compliance.md).</li>
 *   <li>{@code CSV}: RFC 4180 (comma, CRLF, double quotes doubled), UTF-8 with a byte-order mark, a header row; a cell
 *       a spreadsheet would run as a formula (starting with {@code = + - @}, tab or carriage return — OWASP "CSV
 *       injection") is prefixed with a single quote, so CSV is for reading, JSON Lines for recomputing hashes.</li>
 * </ul>
 */
public enum ExportFormat {
    JSON_LINES("jsonl", "application/jsonl; charset=utf-8"),
    CSV("csv", "text/csv; charset=utf-8");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The columns (and JSON fields) of an exported record, in order. */
    static final Map<String, Function<AuditEventDocument, Object>> COLUMNS = columns();

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** A writer of this format: {@link Writer#add} each record, then {@link Writer#base64}. */
    Writer writer() {
        return this == CSV ? new CsvWriter() : new JsonLinesWriter();
    }

    /**
     * Writes each record as it is added straight into the base64 text the payload carries: the file itself is never
     * held, only its encoding, which the GraphQL answer needs whole anyway (before, the file, a copy of it and two of
     * its encoding were held at the end).
     */
    abstract static class Writer {
        private final ByteArrayOutputStream base64 = new ByteArrayOutputStream();
        private final OutputStream out = Base64.getEncoder().wrap(base64);

        abstract void add(AuditEventDocument record);

        /** The file, base64-encoded; the writer takes no more records. */
        String base64() {
            try {
                out.close(); // writes the last, padded group
            } catch (IOException inMemory) {
                throw new UncheckedIOException(inMemory);
            }
            return base64.toString(StandardCharsets.US_ASCII);
        }

        void write(String text) {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        void write(byte[] bytes) {
            try {
                out.write(bytes);
            } catch (IOException inMemory) {
                throw new UncheckedIOException(inMemory);
            }
        }
    }

    private static final class JsonLinesWriter extends Writer {
        @Override
        void add(AuditEventDocument record) {
            Map<String, Object> object = new LinkedHashMap<>();
            COLUMNS.forEach((name, value) -> object.put(name, value.apply(record)));
            object.put("changes", record.changes().stream()
                    .map(change -> Map.of("field", change.field(), "value", change.value())).toList());
            write(JSON.writeValueAsString(object) + "\n");
        }
    }

    private static final class CsvWriter extends Writer {
        CsvWriter() {
            write(Csv.BOM);
            write(Csv.line(List.copyOf(COLUMNS.keySet())));
        }

        @Override
        void add(AuditEventDocument record) {
            write(Csv.line(COLUMNS.values().stream().map(value -> value.apply(record)).toList()));
        }
    }

    private static Map<String, Function<AuditEventDocument, Object>> columns() {
        Map<String, Function<AuditEventDocument, Object>> columns = new LinkedHashMap<>();
        columns.put("id", AuditEventDocument::id);
        columns.put("time", record -> ChainHash.format(record.time()));
        columns.put("organizationId", AuditEventDocument::organizationId);
        columns.put("actor", AuditEventDocument::actor);
        columns.put("actorKind", AuditEventDocument::actorKind);
        columns.put("actorName", AuditEventDocument::actorName);
        columns.put("action", AuditEventDocument::action);
        columns.put("resourceType", AuditEventDocument::resourceType);
        columns.put("resourceId", AuditEventDocument::resourceId);
        columns.put("resource", AuditEventDocument::resource);
        columns.put("outcome", AuditEventDocument::outcome);
        columns.put("errorCode", AuditEventDocument::errorCode);
        columns.put("detail", AuditEventDocument::detail);
        columns.put("reason", AuditEventDocument::reason);
        columns.put("clientIp", AuditEventDocument::clientIp);
        columns.put("requestId", AuditEventDocument::requestId);
        columns.put("traceParent", AuditEventDocument::traceParent);
        columns.put("service", AuditEventDocument::service);
        columns.put("changedValues", record -> String.join(";", record.changes().stream()
                .map(change -> change.field() + "=" + change.value()).toList()));
        columns.put("chain", AuditEventDocument::chain);
        columns.put("seq", AuditEventDocument::seq);
        columns.put("recordedAt", record -> ChainHash.format(record.recordedAt()));
        columns.put("prevHash", AuditEventDocument::prevHash);
        columns.put("hash", AuditEventDocument::hash);
        return columns;
    }
}
