package com.cycube.analytics.exports;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code Mutation.exportReport}. */
@DgsComponent
public class ExportsDataFetcher {

    /** The schema's ExportReportInput. */
    public record ExportReportInput(ReportExports.Scope scope, String id, ReportExports.Format format) {
    }

    /** The schema's ExportReportPayload. */
    public record ExportReportPayload(ReportExports.ExportedReport report) {
    }

    private final ReportExports exports;

    public ExportsDataFetcher(ReportExports exports) {
        this.exports = exports;
    }

    @DgsMutation
    public ExportReportPayload exportReport(@InputArgument ExportReportInput input, DataFetchingEnvironment env) {
        return new ExportReportPayload(exports.export(RequestContext.from(env).caller(), input.scope(), input.id(),
                input.format()));
    }
}
