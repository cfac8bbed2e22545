package com.cycube.catalog.skills;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;

/** {@code skills} and {@code createSkill}. */
@DgsComponent
public class SkillsDataFetcher {

    public record CreateSkillInput(SkillFramework framework, String code, String name) {
    }

    public record SkillPayload(SkillDocument skill) {
    }

    private final SkillService skills;

    public SkillsDataFetcher(SkillService skills) {
        this.skills = skills;
    }

    @DgsQuery
    public List<SkillDocument> skills(@InputArgument SkillFramework framework, DataFetchingEnvironment env) {
        return skills.list(RequestContext.from(env).caller(), framework);
    }

    @DgsMutation
    public SkillPayload createSkill(@InputArgument CreateSkillInput input, DataFetchingEnvironment env) {
        return new SkillPayload(skills.create(RequestContext.from(env).caller(), input.framework(), input.code(),
                input.name()));
    }
}
