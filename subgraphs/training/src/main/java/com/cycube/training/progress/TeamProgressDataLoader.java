package com.cycube.training.progress;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.cycube.training.catalog.CatalogStore;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.enrollments.EnrollmentAccess;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.enrollments.Progress;
import com.cycube.training.enrollments.ProgressStatus;
import com.cycube.training.people.PeopleStore;
import com.cycube.training.people.PersonDocument;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Team.progress for a batch of teams with three reads whatever the number of teams: the members (people read
 * model), their enrollments, the courses' structures. Only for callers who read the whole organization; teams with
 * no known member in the caller's organization (another organization's included) resolve to null.
 */
@DgsDataLoader(name = TeamProgressDataLoader.NAME)
public class TeamProgressDataLoader extends CallerBatchLoader<String, TeamProgress> {

    public static final String NAME = "teamProgress";

    private final PeopleStore people;
    private final EnrollmentStore enrollments;
    private final CatalogStore catalog;
    private final Clock clock;

    public TeamProgressDataLoader(PeopleStore people, EnrollmentStore enrollments, CatalogStore catalog, Clock clock) {
        this.people = people;
        this.enrollments = enrollments;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    protected Map<String, TeamProgress> loadFor(Caller caller, Set<String> teamIds) {
        if (!caller.isAuthenticated() || !EnrollmentAccess.readsWholeOrganization(caller)) {
            return Map.of();
        }
        List<PersonDocument> members = people.activeMembers(caller, teamIds);
        if (members.isEmpty()) {
            return Map.of();
        }
        List<EnrollmentDocument> all = enrollments.visibleOfUsers(caller,
                members.stream().map(PersonDocument::id).collect(Collectors.toSet()));
        Map<String, CourseDocument> courses = catalog.visibleCourses(caller,
                        all.stream().map(EnrollmentDocument::courseId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(CourseDocument::id, Function.identity()));
        Instant now = clock.instant();
        Map<String, TeamProgress> result = new HashMap<>();
        for (String teamId : teamIds) {
            Set<String> team = members.stream().filter(m -> m.teamIds().contains(teamId)).map(PersonDocument::id)
                    .collect(Collectors.toSet());
            if (team.isEmpty()) {
                continue;
            }
            List<EnrollmentDocument> theirs = all.stream().filter(e -> team.contains(e.userId())).toList();
            List<Progress> progress = theirs.stream().map(e -> Progress.of(e, courses.get(e.courseId()), now)).toList();
            result.put(teamId, new TeamProgress(team.size(),
                    (int) theirs.stream().map(EnrollmentDocument::userId).distinct().count(),
                    theirs.size(),
                    (int) progress.stream().filter(p -> p.status() == ProgressStatus.COMPLETED).count(),
                    (int) progress.stream().filter(p -> p.status() == ProgressStatus.OVERDUE).count(),
                    progress.isEmpty() ? null : progress.stream().mapToInt(Progress::percent).average().orElse(0)));
        }
        return result;
    }
}
