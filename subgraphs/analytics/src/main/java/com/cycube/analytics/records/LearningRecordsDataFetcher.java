package com.cycube.analytics.records;

import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code Query.learningRecords}. */
@DgsComponent
public class LearningRecordsDataFetcher {

    private final LearningRecordService records;

    public LearningRecordsDataFetcher(LearningRecordService records) {
        this.records = records;
    }

    @DgsQuery
    public Connection<LearningRecordView> learningRecords(@InputArgument LearningRecordFilter filter,
                                                          @InputArgument Integer first, @InputArgument String after,
                                                          DataFetchingEnvironment env) {
        return records.list(RequestContext.from(env).caller(), filter, first, after);
    }
}
