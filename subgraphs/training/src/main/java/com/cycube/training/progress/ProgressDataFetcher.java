package com.cycube.training.progress;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.context.RequestContext;
import com.cycube.support.errors.DomainException;
import com.cycube.support.input.Inputs;
import com.cycube.training.enrollments.EnrollmentAccess;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.federation.TeamReference;
import com.cycube.training.people.PeopleStore;
import com.cycube.training.people.PersonDocument;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;

/** Team.progress and the progressUpdated subscription (access is checked once, before anything is pushed). */
@DgsComponent
public class ProgressDataFetcher {

    private final ProgressUpdates updates;
    private final EnrollmentStore enrollments;
    private final PeopleStore people;

    public ProgressDataFetcher(ProgressUpdates updates, EnrollmentStore enrollments, PeopleStore people) {
        this.updates = updates;
        this.enrollments = enrollments;
        this.people = people;
    }

    @DgsData(parentType = "Team", field = "progress")
    public CompletableFuture<TeamProgress> teamProgress(DataFetchingEnvironment env) {
        TeamReference team = env.getSource();
        return RequestContext.load(env, TeamProgressDataLoader.NAME, team.id());
    }

    @DgsSubscription
    public Publisher<EnrollmentDocument> progressUpdated(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        return updates.follow(scope(RequestContext.from(env).caller(), Inputs.of(input)));
    }

    ProgressUpdates.Scope scope(Caller caller, Inputs input) {
        caller.requireAuthenticated();
        boolean organizationWide = Boolean.TRUE.equals(input.values().get("organizationWide"));
        int chosen = (input.has("enrollmentId") ? 1 : 0) + (input.has("teamId") ? 1 : 0) + (organizationWide ? 1 : 0);
        if (chosen > 1) {
            throw DomainException.badInput("Give at most one of enrollmentId, teamId and organizationWide");
        }
        if (input.has("enrollmentId")) {
            String id = input.string("enrollmentId");
            EnrollmentDocument enrollment = enrollments.findVisible(caller, id)
                    .orElseThrow(() -> DomainException.notFound("Enrollment", id));
            return new ProgressUpdates.Scope(enrollment.organizationId(), id, null, null);
        }
        if (input.has("teamId")) {
            caller.require(Role.MANAGER, EnrollmentAccess.READ_SCOPE);
            String teamId = input.string("teamId");
            List<PersonDocument> members = people.activeMembers(caller, List.of(teamId));
            if (!people.teamKnown(caller, teamId)) {
                throw DomainException.notFound("Team", teamId);
            }
            String orgId = caller.isRoot() ? people.organizationOfTeam(teamId).orElseThrow() : caller.requireOrganization();
            Set<String> userIds = members.stream().map(PersonDocument::id).collect(Collectors.toSet());
            return new ProgressUpdates.Scope(orgId, null, null, userIds);
        }
        if (organizationWide) {
            caller.require(Role.MANAGER, EnrollmentAccess.READ_SCOPE);
            return new ProgressUpdates.Scope(caller.requireOrganization(), null, null, null);
        }
        if (caller.kind() != Caller.Kind.PERSON) {
            throw DomainException.forbidden("Only people have enrollments of their own: give enrollmentId, teamId or organizationWide");
        }
        return new ProgressUpdates.Scope(caller.requireOrganization(), null, caller.subject(), null);
    }
}
