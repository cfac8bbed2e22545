package com.cycube.analytics.skills;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code Query.skillCoverage}. */
@DgsComponent
public class SkillCoverageDataFetcher {

    private final SkillCoverageService coverage;

    public SkillCoverageDataFetcher(SkillCoverageService coverage) {
        this.coverage = coverage;
    }

    @DgsQuery
    public SkillCoverage skillCoverage(@InputArgument String organizationId, @InputArgument String teamId,
                                       DataFetchingEnvironment env) {
        return coverage.of(RequestContext.from(env).caller(), organizationId, teamId);
    }
}
