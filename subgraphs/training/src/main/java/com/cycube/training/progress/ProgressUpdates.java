package com.cycube.training.progress;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.live.LiveFeed;
import com.cycube.support.live.LiveFeeds;
import com.cycube.training.enrollments.EnrollmentAccess;
import com.cycube.training.enrollments.EnrollmentDocument;
import com.cycube.training.enrollments.EnrollmentScope;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.people.PeopleStore;
import com.cycube.training.people.PersonDocument;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Live enrollment changes for {@code progressUpdated}: the shared {@link LiveFeed} of {@code enrollments}, keyed by
 * organization, so whichever instance wrote a change (a request, an event handler), every instance pushes it, and
 * only stored changes with a higher {@code revision} are pushed (the outbox relay's {@code $pull}, a repeated fact:
 * nothing). Access is checked once, when the subscription starts; every scope pins one organization.
 *
 * <p>The embedded store's update events carry no document id: then the enrollments of the watched organizations
 * changed since the last re-read, minus {@link #LATE_COMMIT_MARGIN}, are re-read.
 */
@Component
public class ProgressUpdates {

    /**
     * How far before the watermark a re-read without a document id starts. {@code changedAt} is taken from the clock
     * when a write is prepared, not when it commits: a write stamped earlier than one already seen (another instance,
     * a slower handler, a compare-and-set retry) can commit after the watermark moved past its stamp. Re-reading this
     * much of the recent past catches it; what was already pushed is dropped by each subscriber's revision filter.
     */
    static final Duration LATE_COMMIT_MARGIN = Duration.ofSeconds(5);

    private final EnrollmentStore enrollments;
    private final PeopleStore people;
    private final Clock clock;
    private final LiveFeed<EnrollmentDocument> feed;
    private volatile Instant watermark;

    public ProgressUpdates(LiveFeeds feeds, EnrollmentStore enrollments, PeopleStore people, Clock clock) {
        this.enrollments = enrollments;
        this.people = people;
        this.clock = clock;
        this.feed = feeds.open(EnrollmentDocument.COLLECTION,
                LiveFeed.Source.byKey(EnrollmentDocument::organizationId, enrollments::reread, this::changedLately));
    }

    /** The feed (tests wait for {@link LiveFeed#awaitStarted} and may {@link LiveFeed#refresh} it by hand). */
    public LiveFeed<EnrollmentDocument> feed() {
        return feed;
    }

    /**
     * Every later visible change of the enrollments the caller asked for (at most one of {@code enrollmentId},
     * {@code teamId}, {@code organizationWide}; none = the caller's own), after checking they may follow them.
     */
    public Flux<EnrollmentDocument> follow(Caller caller, String enrollmentId, String teamId, boolean organizationWide) {
        return follow(scope(caller, enrollmentId, teamId, organizationWide));
    }

    /**
     * Every change after now of the enrollments in {@code scope}: the feed judges every change against their
     * revisions at the start, so nothing written before the subscription started is pushed as news.
     */
    Flux<EnrollmentDocument> follow(EnrollmentScope scope) {
        if (watermark == null) {
            // catching up after a broken stream re-reads from here at the earliest
            watermark = clock.instant();
        }
        return feed.followChanges(scope.organizationId(), scope::matches, () -> enrollments.revisions(scope));
    }

    private List<EnrollmentDocument> changedLately(Set<String> organizationIds) {
        Instant from = watermark != null ? watermark : clock.instant();
        List<EnrollmentDocument> changed = enrollments.changedSince(organizationIds, from.minus(LATE_COMMIT_MARGIN));
        watermark = changed.stream().map(EnrollmentDocument::changedAt).filter(Objects::nonNull)
                .reduce(from, ProgressRules::later);
        return changed;
    }

    private EnrollmentScope scope(Caller caller, String enrollmentId, String teamId, boolean organizationWide) {
        caller.requireAuthenticated();
        if ((enrollmentId != null ? 1 : 0) + (teamId != null ? 1 : 0) + (organizationWide ? 1 : 0) > 1) {
            throw DomainException.badInput("Give at most one of enrollmentId, teamId and organizationWide");
        }
        if (enrollmentId != null) {
            EnrollmentDocument enrollment = enrollments.findVisible(caller, enrollmentId)
                    .orElseThrow(() -> DomainException.notFound("Enrollment", enrollmentId));
            return new EnrollmentScope(enrollment.organizationId(), enrollmentId, null);
        }
        if (teamId != null) {
            caller.require(Role.MANAGER, EnrollmentAccess.READ_SCOPE);
            List<PersonDocument> members = people.activeMembers(caller, List.of(teamId));
            if (!people.teamKnown(caller, teamId)) {
                throw DomainException.notFound("Team", teamId);
            }
            String orgId = caller.isRoot() ? people.organizationOfTeam(teamId).orElseThrow() : caller.requireOrganization();
            return new EnrollmentScope(orgId, null, members.stream().map(PersonDocument::id).collect(Collectors.toSet()));
        }
        if (organizationWide) {
            caller.require(Role.MANAGER, EnrollmentAccess.READ_SCOPE);
            return new EnrollmentScope(caller.requireOrganization(), null, null);
        }
        if (caller.kind() != Caller.Kind.PERSON) {
            throw DomainException.forbidden("Only people have enrollments of their own: give enrollmentId, teamId or organizationWide");
        }
        return new EnrollmentScope(caller.requireOrganization(), null, Set.of(caller.subject()));
    }
}
