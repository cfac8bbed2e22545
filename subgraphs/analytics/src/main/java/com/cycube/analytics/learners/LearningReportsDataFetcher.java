package com.cycube.analytics.learners;

import com.cycube.support.audit.AuditLog;
import com.cycube.support.audit.AuditRecord;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import graphql.schema.DataFetchingEnvironment;

/**
 * {@code User.learningReport}. Reading another person's report is a sensitive read: it goes into the audit trail
 * ("who looked at whom", ADR 22) once it was allowed.
 */
@DgsComponent
public class LearningReportsDataFetcher {

    private final LearningReports reports;
    private final AuditLog audit;

    public LearningReportsDataFetcher(LearningReports reports, AuditLog audit) {
        this.reports = reports;
        this.audit = audit;
    }

    @DgsData(parentType = "User", field = "learningReport")
    public LearningReport learningReport(DataFetchingEnvironment env) {
        EntityReference user = env.getSource();
        RequestContext request = RequestContext.from(env);
        LearningReport report = reports.of(request.caller(), user.id());
        if (report != null && !user.id().equals(request.caller().subject())) {
            audit.read(request, "read.learningReport", AuditRecord.Target.of("User", user.id()));
        }
        return report;
    }
}
