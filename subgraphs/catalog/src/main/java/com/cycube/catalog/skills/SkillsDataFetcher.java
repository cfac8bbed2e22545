package com.cycube.catalog.skills;

import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;

/** {@code skills} and {@code createSkill}. */
@DgsComponent
public class SkillsDataFetcher {

    private final SkillService skills;

    public SkillsDataFetcher(SkillService skills) {
        this.skills = skills;
    }

    @DgsQuery
    public List<SkillDocument> skills(@InputArgument SkillFramework framework, DataFetchingEnvironment env) {
        return skills.list(RequestContext.from(env).caller(), framework);
    }

    @DgsMutation
    public Map<String, Object> createSkill(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        SkillDocument skill = skills.create(RequestContext.from(env).caller(),
                in.enumValue("framework", SkillFramework.class), in.string("code"), in.string("name"));
        return Map.of("skill", skill);
    }
}
