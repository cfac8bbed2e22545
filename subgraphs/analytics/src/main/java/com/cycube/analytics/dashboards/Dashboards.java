package com.cycube.analytics.dashboards;

import com.cycube.analytics.access.AnalyticsAccess;
import com.cycube.analytics.directory.DirectoryStore;
import com.cycube.analytics.directory.OrganizationDocument;
import com.cycube.analytics.directory.TeamDocument;
import com.cycube.analytics.learners.LearnerProfile;
import com.cycube.analytics.learners.Learners;
import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.AggregateKind;
import com.cycube.analytics.readmodel.AggregateStore;
import com.cycube.analytics.readmodel.Figure;
import com.cycube.analytics.readmodel.Figures;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The organization and team dashboards: who may read which, and their figures from the aggregates. An organization
 * dashboard reads a fixed number of documents (its aggregate's shards); a team dashboard reads its members' learner
 * aggregates, so its cost follows the team's size, not the organization's.
 */
@Service
public class Dashboards {

    private final AggregateStore aggregates;
    private final DirectoryStore directory;
    private final Learners learners;
    private final Clock clock;

    public Dashboards(AggregateStore aggregates, DirectoryStore directory, Learners learners, Clock clock) {
        this.aggregates = aggregates;
        this.directory = directory;
        this.learners = learners;
        this.clock = clock;
    }

    public OrganizationDashboard organization(Caller caller, String requestedOrganizationId) {
        String organizationId = AnalyticsAccess.organizationFor(caller, requestedOrganizationId);
        Figures figures = aggregates.read(AggregateKey.organization(organizationId));
        var organization = directory.organization(organizationId);
        if (caller.isRoot() && organization.isEmpty() && figures.isEmpty()) {
            throw DomainException.notFound("Organization", organizationId);
        }
        return organizationDashboard(organizationId, figures, organization.orElse(null));
    }

    /** The dashboard of an organization the caller was already allowed to read (for the live subscription). */
    public OrganizationDashboard organizationAllowed(String organizationId) {
        return organizationDashboard(organizationId, aggregates.read(AggregateKey.organization(organizationId)),
                directory.organization(organizationId).orElse(null));
    }

    private OrganizationDashboard organizationDashboard(String organizationId, Figures figures,
                                                        OrganizationDocument organization) {
        Instant now = clock.instant();
        return new OrganizationDashboard(organizationId, organization == null ? null : organization.name(),
                DashboardCalculator.figures(figures, (int) figures.get(Figure.MEMBERS),
                        organization == null ? null : organization.labQuota(), now),
                DashboardCalculator.trend(figures, now), now);
    }

    /** A team the caller may read, the teams below it and the members of all of them. */
    public record TeamScope(TeamDocument team, Set<String> teams, List<LearnerProfile> members) {
    }

    /** The team {@code caller} asks for, if they may read it (FORBIDDEN for trainees, NOT_FOUND for other tenants). */
    public TeamScope teamScope(Caller caller, String teamId) {
        caller.require(Role.MANAGER, AnalyticsAccess.READ_SCOPE);
        TeamDocument team = directory.team(teamId)
                .filter(found -> AnalyticsAccess.readsOrganization(caller, found.organizationId()))
                .orElseThrow(() -> DomainException.notFound("Team", teamId));
        Set<String> teams = directory.teamWithDescendants(team.organizationId(), teamId);
        return new TeamScope(team, teams, learners.inTeams(team.organizationId(), teams));
    }

    public TeamDashboard team(Caller caller, String teamId) {
        TeamScope scope = teamScope(caller, teamId);
        TeamDocument team = scope.team();
        Set<String> teams = scope.teams();
        List<LearnerProfile> members = scope.members();
        Figures figures = Figures.NONE;
        for (Figures learner : aggregates.readEach(AggregateKind.LEARNER, team.organizationId(),
                members.stream().map(LearnerProfile::userId).toList()).values()) {
            figures = figures.plus(learner);
        }
        int active = (int) members.stream().filter(LearnerProfile::active).count();
        Instant now = clock.instant();
        return new TeamDashboard(teamId, team.name(), teams.size(), DashboardCalculator.figures(figures, active, null, now),
                DashboardCalculator.trend(figures, now), now);
    }
}
