package com.cycube.training.assignments;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.training.catalog.CatalogStore;
import com.cycube.training.catalog.CourseDocument;
import com.cycube.training.catalog.LearningPathDocument;
import com.cycube.training.enrollments.EnrollmentAccess;
import com.cycube.training.enrollments.EnrollmentStore;
import com.cycube.training.people.PeopleStore;
import com.cycube.training.people.PersonDocument;
import com.cycube.training.people.Seats;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Assigning training: who may (managers, {@code training:write} clients), to whom (users and teams of the caller's
 * organization as known from identity's events), the seat limit, and enrolling team members who join later.
 */
@Service
public class AssignmentService {

    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

    private final AssignmentStore store;
    private final CatalogStore catalog;
    private final PeopleStore people;
    private final Seats seats;
    private final EnrollmentStore enrollments;
    private final Clock clock;

    public AssignmentService(AssignmentStore store, CatalogStore catalog, PeopleStore people, Seats seats,
                             EnrollmentStore enrollments, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.people = people;
        this.seats = seats;
        this.enrollments = enrollments;
        this.clock = clock;
    }

    public AssignTrainingPayload assign(Caller caller, String courseId, String learningPathId, List<String> userIds,
                                        List<String> teamIds, Instant dueAt) {
        caller.require(Role.MANAGER, EnrollmentAccess.WRITE_SCOPE);
        String orgId = caller.requireOrganization();
        Instant now = clock.instant();
        if ((courseId == null) == (learningPathId == null)) {
            throw DomainException.badInput("Give exactly one of courseId and learningPathId");
        }
        Set<String> users = new LinkedHashSet<>(userIds == null ? List.of() : userIds);
        Set<String> teams = new LinkedHashSet<>(teamIds == null ? List.of() : teamIds);
        if (users.isEmpty() && teams.isEmpty()) {
            throw DomainException.badInput("Assign to at least one user or team");
        }
        if (dueAt == null || !dueAt.isAfter(now)) {
            throw DomainException.badInput("dueAt must be in the future");
        }
        List<String> courseIds;
        if (courseId != null) {
            courseIds = List.of(catalog.enrollableCourse(caller, courseId).id());
        } else {
            LearningPathDocument path = catalog.path(caller, learningPathId);
            courseIds = catalog.enrollableCourses(caller, path.courseIds()).stream().map(CourseDocument::id).toList();
            if (courseIds.isEmpty()) {
                throw DomainException.notFound("LearningPath", learningPathId);
            }
        }
        List<PersonDocument> known = people.people(caller, users);
        for (String userId : users) {
            if (known.stream().noneMatch(p -> p.id().equals(userId) && p.active())) {
                throw DomainException.notFound("User", userId);
            }
        }
        for (String teamId : teams) {
            if (!people.teamKnown(caller, teamId)) {
                throw DomainException.notFound("Team", teamId);
            }
        }
        // Seats for everybody known now, before anything is written: beyond the limit this is CONFLICT and writes nothing.
        Set<String> trainees = new LinkedHashSet<>(users);
        if (!teams.isEmpty()) {
            people.activeMembers(caller, teams).forEach(member -> trainees.add(member.id()));
        }
        seats.claim(orgId, trainees);

        AssignmentDocument assignment = new AssignmentDocument(UUID.randomUUID().toString(), orgId, courseId, learningPathId,
                courseIds, List.copyOf(users), List.copyOf(teams), dueAt, now,
                caller.kind() == Caller.Kind.PERSON ? caller.subject() : null,
                caller.isIntegration() ? caller.subject() : null);
        store.insert(caller, assignment);
        // Write before read, on both sides: the assignment is stored BEFORE the team members are read (again), and
        // IdentityEventsHandler stores a member BEFORE it looks for their teams' assignments. So a member who joins while
        // this runs is either seen by this read or their UserChanged sees the assignment (or both: enrollments are
        // idempotent) — never neither, as when the members were only read before the insert.
        Set<String> latecomers = new LinkedHashSet<>();
        if (!teams.isEmpty()) {
            people.activeMembers(caller, teams).forEach(member -> {
                if (trainees.add(member.id())) {
                    latecomers.add(member.id());
                }
            });
        }
        int created = 0;
        for (String trainee : trainees) {
            // a latecomer is treated like a member joining after the assignment: no seat left = not enrolled
            if (!latecomers.contains(trainee) || claimSeatOfLatecomer(orgId, trainee)) {
                created += enrollIn(assignment, trainee);
            }
        }
        return new AssignTrainingPayload(assignment, created);
    }

    /**
     * A member's snapshot says they are in some teams now: enroll them in what those teams were assigned. Runs for
     * every {@code identity.UserChanged} (idempotent: enrollments are per user and course), AFTER the snapshot is
     * stored (see {@link #assign}). Without a free seat the member stays unenrolled and a warning is logged — a full
     * organization is not a failure to retry forever; any other failure (the seat ledger changing during every
     * attempt: CONFLICT) is thrown, so the event is delivered again.
     */
    public int enrollTeamMember(String orgId, String userId) {
        Optional<PersonDocument> person = people.person(orgId, userId);
        if (person.isEmpty() || !person.get().active() || person.get().teamIds().isEmpty()) {
            return 0;
        }
        List<AssignmentDocument> assignments = store.ofTeams(orgId, person.get().teamIds());
        if (assignments.isEmpty() || !claimSeatOfMember(orgId, userId)) {
            return 0;
        }
        int created = 0;
        for (AssignmentDocument assignment : assignments) {
            created += enrollIn(assignment, userId);
        }
        return created;
    }

    /**
     * Claims a seat for a team member found after the assignment was made. False (warning logged) when the organization
     * has no seat left; every other failure — CONFLICT after losing the seat ledger's compare-and-set on every attempt —
     * is rethrown: swallowing it would acknowledge the event and leave the member unenrolled for good.
     */
    private boolean claimSeatOfMember(String orgId, String userId) {
        if (seats.claimIfFree(orgId, List.of(userId))) {
            return true;
        }
        log.warn("Member {} of {} joined an assigned team but was not enrolled: no seat left", userId, orgId);
        return false;
    }

    /**
     * The request path's variant: the assignment is already written, so a transient failure for a member who joined
     * while it was being made must not fail the request (a retry would create a second assignment). The member's own
     * {@code identity.UserChanged} handling enrolls them later (it retries on such failures).
     */
    private boolean claimSeatOfLatecomer(String orgId, String userId) {
        try {
            return claimSeatOfMember(orgId, userId);
        } catch (DomainException transientFailure) {
            log.warn("Member {} of {} joined an assigned team during the assignment and is enrolled later: {}", userId,
                    orgId, transientFailure.getMessage());
            return false;
        }
    }

    private int enrollIn(AssignmentDocument assignment, String userId) {
        int created = 0;
        for (String courseId : assignment.courseIds()) {
            if (enrollments.enroll(assignment.organizationId(), userId, courseId, assignment.id(),
                    assignment.learningPathId(), assignment.dueAt())) {
                created++;
            }
        }
        return created;
    }

    public Optional<AssignmentDocument> get(Caller caller, String id) {
        caller.requireAuthenticated();
        return EnrollmentAccess.readsWholeOrganization(caller) ? store.find(caller, id) : Optional.empty();
    }

    public List<AssignmentDocument> visible(Caller caller, Collection<String> ids) {
        if (!caller.isAuthenticated() || !EnrollmentAccess.readsWholeOrganization(caller)) {
            return List.of();
        }
        return store.findAll(caller, ids);
    }

    public Connection<AssignmentDocument> list(Caller caller, PageRequest page) {
        caller.require(Role.MANAGER, EnrollmentAccess.READ_SCOPE);
        return store.page(caller, page);
    }
}
