package com.cycube.labs.templates;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;

/** Lab template queries and root's template mutations. */
@DgsComponent
public class LabTemplatesDataFetcher {

    /** The payload of {@code createLabTemplate} and {@code updateLabTemplate}. */
    public record LabTemplatePayload(LabTemplateDocument template) {
    }

    private final LabTemplateService templates;

    public LabTemplatesDataFetcher(LabTemplateService templates) {
        this.templates = templates;
    }

    @DgsQuery
    public List<LabTemplateDocument> labTemplates(DataFetchingEnvironment env) {
        return templates.list(RequestContext.from(env).caller());
    }

    @DgsQuery
    public LabTemplateDocument labTemplate(@InputArgument String id, DataFetchingEnvironment env) {
        return templates.get(RequestContext.from(env).caller(), id).orElse(null);
    }

    @DgsMutation
    public LabTemplatePayload createLabTemplate(@InputArgument LabTemplateInput input, DataFetchingEnvironment env) {
        return new LabTemplatePayload(templates.create(RequestContext.from(env).caller(), input));
    }

    @DgsMutation
    public LabTemplatePayload updateLabTemplate(@InputArgument LabTemplateInput input, DataFetchingEnvironment env) {
        return new LabTemplatePayload(templates.update(RequestContext.from(env).caller(), input));
    }
}
