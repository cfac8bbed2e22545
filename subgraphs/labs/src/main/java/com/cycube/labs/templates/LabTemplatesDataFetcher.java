package com.cycube.labs.templates;

import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;

/** Lab template queries and root's template mutations. */
@DgsComponent
public class LabTemplatesDataFetcher {

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
    public Map<String, Object> createLabTemplate(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        return Map.of("template", templates.create(RequestContext.from(env).caller(), Inputs.of(input)));
    }

    @DgsMutation
    public Map<String, Object> updateLabTemplate(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        return Map.of("template", templates.update(RequestContext.from(env).caller(), Inputs.of(input)));
    }
}
