package com.cycube.audit.search;

import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code Query.auditEvents}. */
@DgsComponent
public class AuditEventsDataFetcher {

    private final AuditSearchService search;

    public AuditEventsDataFetcher(AuditSearchService search) {
        this.search = search;
    }

    @DgsQuery
    public Connection<AuditEventDocument> auditEvents(@InputArgument AuditEventFilter filter, @InputArgument Integer first,
                                                      @InputArgument String after, DataFetchingEnvironment env) {
        return search.search(RequestContext.from(env), filter, first, after);
    }
}
