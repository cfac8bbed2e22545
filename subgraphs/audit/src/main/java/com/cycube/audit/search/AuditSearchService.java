package com.cycube.audit.search;

import com.cycube.audit.access.AuditReaders;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.audit.AuditRecord;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Lists audit records for the people entitled to them ({@link AuditReaders}), and records every such read in the
 * audit trail itself ("who looked at whom"), with the organization whose trail was read.
 */
@Service
public class AuditSearchService {

    private final AuditSearchStore store;
    private final AuditLog auditLog;

    public AuditSearchService(AuditSearchStore store, AuditLog auditLog) {
        this.store = store;
        this.auditLog = auditLog;
    }

    public Connection<AuditEventDocument> search(RequestContext request, AuditEventFilter requested, Integer first,
                                                 String after) {
        AuditEventFilter filter = checked(requested);
        AuditReaders.Scope scope = AuditReaders.scope(request.caller(), filter.organizationId());
        PageRequest page = PageRequest.of(first, after);
        Connection<AuditEventDocument> connection = scope.nothing() ? Connection.of(List.of(), page, 0)
                : Connection.of(store.page(scope, filter, page), page, store.count(scope, filter));
        auditLog.read(request, "read.auditEvents", trailOf(scope, filter));
        return connection;
    }

    /** {@code filter}, or no filter; BAD_USER_INPUT for a period that ends before it starts. */
    public static AuditEventFilter checked(AuditEventFilter filter) {
        AuditEventFilter given = filter == null ? AuditEventFilter.NONE : filter;
        if (given.from() != null && given.to() != null && given.to().isBefore(given.from())) {
            throw DomainException.badInput("to must not be before from");
        }
        return given;
    }

    /** What a read of {@code scope}'s records was aimed at, for its audit record: the trail of one or all organizations. */
    public static AuditRecord.Target trailOf(AuditReaders.Scope scope, AuditEventFilter filter) {
        String organization = scope.all() ? "*" : scope.nothing() ? filter.organizationId() : scope.organizationId();
        return AuditRecord.Target.of("AuditTrail", organization);
    }
}
