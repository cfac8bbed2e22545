package com.cycube.audit.exports;

import com.cycube.audit.AuditProperties;
import com.cycube.audit.access.AuditReaders;
import com.cycube.audit.search.AuditEventFilter;
import com.cycube.audit.search.AuditSearchService;
import com.cycube.audit.search.AuditSearchStore;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Exports the audit records a reader may list ({@link AuditReaders}, the same filter as {@code auditEvents}), newest
 * first, as JSON Lines or CSV for auditors, returned in the mutation's payload (base64) like analytics' report
 * exports. At most {@code cycube.audit.export.max-rows} rows (BAD_USER_INPUT above: narrow the filter or the period),
 * counted before anything is read. The rows come from the store in batches through one cursor and each is written
 * into the payload's base64 text as it arrives ({@link ExportFormat.Writer}): no list of records, nor the file's own
 * bytes, is ever held. Every export is itself audited.
 */
@Service
public class AuditExports {

    /** The schema's ExportedAuditEvents. */
    public record ExportedAuditEvents(String fileName, String contentType, String contentBase64, int rows,
                                      Instant generatedAt) {
    }

    private final AuditSearchStore store;
    private final AuditLog auditLog;
    private final AuditProperties properties;
    private final Clock clock;

    public AuditExports(AuditSearchStore store, AuditLog auditLog, AuditProperties properties, Clock clock) {
        this.store = store;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    public ExportedAuditEvents export(RequestContext request, AuditEventFilter requested, ExportFormat format) {
        AuditEventFilter filter = AuditSearchService.checked(requested);
        AuditReaders.Scope scope = AuditReaders.scope(request.caller(), filter.organizationId());
        if (format == null) {
            throw DomainException.badInput("Give a format: JSON_LINES or CSV");
        }
        int maxRows = properties.export().maxRows();
        if (!scope.nothing() && store.count(scope, filter) > maxRows) {
            throw DomainException.badInput("More than " + maxRows + " records match: narrow the filter or the period");
        }
        ExportFormat.Writer writer = format.writer();
        int rows = 0;
        if (!scope.nothing()) {
            try (Stream<AuditEventDocument> records = store.stream(scope, filter, maxRows)) {
                for (Iterator<AuditEventDocument> it = records.iterator(); it.hasNext(); rows++) {
                    writer.add(it.next());
                }
            }
        }
        Instant now = clock.instant();
        String organization = scope.all() ? "all" : scope.nothing() ? filter.organizationId() : scope.organizationId();
        String fileName = "audit-" + organization + "-" + LocalDate.ofInstant(now, ZoneOffset.UTC) + "." + format.extension();
        auditLog.read(request, "read.auditExport", AuditSearchService.trailOf(scope, filter));
        return new ExportedAuditEvents(fileName, format.contentType(), writer.base64(), rows, now);
    }
}
