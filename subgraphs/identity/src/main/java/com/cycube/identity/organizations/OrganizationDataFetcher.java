package com.cycube.identity.organizations;

import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.teams.TeamService;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** The schema side of organizations: queries, root's mutations, the fields of {@code Organization}. */
@DgsComponent
public class OrganizationDataFetcher {

    public record CreateOrganizationInput(String name, Integer seatLimit, Integer labQuota) {
    }

    public record UpdateOrganizationQuotasInput(String organizationId, Integer seatLimit, Integer labQuota) {
    }

    public record RenameOrganizationInput(String organizationId, String name) {
    }

    public record SetOrganizationActiveInput(String organizationId, Boolean active) {
    }

    public record OrganizationPayload(OrganizationDocument organization) {
    }

    private final OrganizationService organizations;
    private final TeamService teams;

    public OrganizationDataFetcher(OrganizationService organizations, TeamService teams) {
        this.organizations = organizations;
        this.teams = teams;
    }

    @DgsQuery
    public OrganizationDocument organization(@InputArgument String id, DataFetchingEnvironment env) {
        return organizations.get(caller(env), id);
    }

    @DgsQuery
    public Connection<OrganizationDocument> organizations(@InputArgument Integer first, @InputArgument String after,
                                                          DataFetchingEnvironment env) {
        return organizations.list(caller(env), PageRequest.of(first, after));
    }

    @DgsMutation
    public OrganizationPayload createOrganization(@InputArgument CreateOrganizationInput input, DataFetchingEnvironment env) {
        return new OrganizationPayload(organizations.create(caller(env), input.name(), input.seatLimit(), input.labQuota()));
    }

    @DgsMutation
    public OrganizationPayload updateOrganizationQuotas(@InputArgument UpdateOrganizationQuotasInput input, DataFetchingEnvironment env) {
        return new OrganizationPayload(organizations.updateQuotas(caller(env), input.organizationId(), input.seatLimit(), input.labQuota()));
    }

    @DgsMutation
    public OrganizationPayload renameOrganization(@InputArgument RenameOrganizationInput input, DataFetchingEnvironment env) {
        return new OrganizationPayload(organizations.rename(caller(env), input.organizationId(), input.name()));
    }

    @DgsMutation
    public OrganizationPayload setOrganizationActive(@InputArgument SetOrganizationActiveInput input, DataFetchingEnvironment env) {
        return new OrganizationPayload(organizations.setActive(caller(env), input.organizationId(), input.active()));
    }

    @DgsData(parentType = "Organization", field = "seatsUsed")
    public long seatsUsed(DataFetchingEnvironment env) {
        OrganizationDocument organization = env.getSource();
        return organizations.seatsUsed(caller(env), organization.id());
    }

    @DgsData(parentType = "Organization", field = "teams")
    public Connection<TeamDocument> teams(@InputArgument Integer first, @InputArgument String after, DataFetchingEnvironment env) {
        OrganizationDocument organization = env.getSource();
        return teams.listOfOrganization(caller(env), organization.id(), PageRequest.of(first, after));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
