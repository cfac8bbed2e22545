package com.cycube.audit.exports;

import com.cycube.audit.search.AuditEventFilter;
import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code Mutation.exportAuditEvents}. */
@DgsComponent
public class ExportsDataFetcher {

    /** The schema's ExportAuditEventsInput. */
    public record ExportAuditEventsInput(AuditEventFilter filter, ExportFormat format) {
    }

    /** The schema's ExportAuditEventsPayload. */
    public record ExportAuditEventsPayload(AuditExports.ExportedAuditEvents export) {
    }

    private final AuditExports exports;

    public ExportsDataFetcher(AuditExports exports) {
        this.exports = exports;
    }

    @DgsMutation
    public ExportAuditEventsPayload exportAuditEvents(@InputArgument ExportAuditEventsInput input,
                                                      DataFetchingEnvironment env) {
        return new ExportAuditEventsPayload(exports.export(RequestContext.from(env), input.filter(), input.format()));
    }
}
