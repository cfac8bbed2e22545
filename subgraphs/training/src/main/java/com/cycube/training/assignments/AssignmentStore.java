package com.cycube.training.assignments;

import com.cycube.support.auth.Caller;
import com.cycube.support.contracts.training.TrainingAssigned;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads and writes of {@code assignments}: the caller's organization's through TenantScopedMongo; an assignment is
 * inserted together with its {@code training.TrainingAssigned} (one write, {@link Outbox#insert}).
 */
@Component
public class AssignmentStore {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("assignedAt"), Sort.Order.asc("_id"));

    private final TenantScopedMongo scoped;
    private final MongoTemplate mongo;

    public AssignmentStore(TenantScopedMongo scoped, MongoTemplate mongo) {
        this.scoped = scoped;
        this.mongo = mongo;
    }

    /** Stores a new assignment; the insert carries its {@code training.TrainingAssigned}. */
    public AssignmentDocument insert(Caller caller, AssignmentDocument assignment) {
        TenantScopedMongo.assertWritable(caller, assignment.organizationId());
        Outbox.insert(mongo, assignment, AssignmentDocument.COLLECTION, DomainEvent.of(assignment.organizationId(),
                assignment.assignedAt(), new TrainingAssigned(assignment.id(), assignment.courseId(),
                        assignment.learningPathId(), assignment.userIds(), assignment.teamIds(), assignment.dueAt(),
                        assignment.assignedBy())));
        return assignment;
    }

    public Optional<AssignmentDocument> find(Caller caller, String id) {
        return scoped.findById(caller, Visibility.OWN_ORGANIZATION, id, AssignmentDocument.class);
    }

    public List<AssignmentDocument> findAll(Caller caller, Collection<String> ids) {
        return scoped.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, AssignmentDocument.class);
    }

    /** A page of the caller's organization's assignments (root: all), newest first. */
    public Connection<AssignmentDocument> page(Caller caller, PageRequest page) {
        return Connection.of(scoped.find(caller, Visibility.OWN_ORGANIZATION, null, NEWEST_FIRST, page, AssignmentDocument.class),
                page, scoped.count(caller, Visibility.OWN_ORGANIZATION, null, AssignmentDocument.class));
    }

    /** System read (identity's events): the assignments of {@code orgId} to any of {@code teamIds}. */
    public List<AssignmentDocument> ofTeams(String orgId, Collection<String> teamIds) {
        return mongo.find(Query.query(Criteria.where("organizationId").is(orgId).and("teamIds").in(teamIds)),
                AssignmentDocument.class);
    }
}
