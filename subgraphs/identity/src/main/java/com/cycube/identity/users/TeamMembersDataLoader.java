package com.cycube.identity.users;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;

/**
 * {@code Team.members} for every team of a response at once: the pages of all teams in one batch, usually with one
 * MongoDB query ({@link UserStore#membersOfTeams}).
 */
@DgsDataLoader(name = TeamMembersDataLoader.NAME)
public class TeamMembersDataLoader extends CallerBatchLoader<TeamMembersDataLoader.TeamPage, Connection<UserDocument>> {

    public static final String NAME = "teamMembers";

    /** One team's page of members: the team, its organization, and the page asked for. */
    public record TeamPage(String organizationId, String teamId, PageRequest page) {
    }

    private final MemberService members;

    public TeamMembersDataLoader(MemberService members) {
        this.members = members;
    }

    @Override
    protected Map<TeamPage, Connection<UserDocument>> loadFor(Caller caller, Set<TeamPage> pages) {
        return members.ofTeams(caller, pages);
    }
}
