package com.cycube.analytics.records;

import com.cycube.analytics.access.AnalyticsAccess;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Lists learning records: a trainee their own, managers and analytics readers their organization's, root every
 * organization's.
 */
@Service
public class LearningRecordService {

    private final LearningRecordStore store;
    private final XapiStatements xapi;

    public LearningRecordService(LearningRecordStore store, XapiStatements xapi) {
        this.store = store;
        this.xapi = xapi;
    }

    public Connection<LearningRecordView> list(Caller caller, LearningRecordFilter requested, Integer first, String after) {
        caller.requireAuthenticated();
        PageRequest page = PageRequest.of(first, after);
        LearningRecordFilter filter = requested == null ? LearningRecordFilter.NONE : requested;
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw DomainException.badInput("filter.from must be before filter.to");
        }
        List<Criteria> conditions = new ArrayList<>();
        if (caller.isRoot()) {
            if (filter.organizationId() != null) {
                conditions.add(Criteria.where("organizationId").is(filter.organizationId()));
            }
        } else {
            if (filter.organizationId() != null && !filter.organizationId().equals(caller.requireOrganization())) {
                throw DomainException.notFound("Organization", filter.organizationId());
            }
            conditions.add(Criteria.where("organizationId").is(caller.requireOrganization()));
            if (!AnalyticsAccess.readsOrganization(caller, caller.requireOrganization())) {
                if (caller.kind() != Caller.Kind.PERSON) {
                    throw DomainException.forbidden("Reading learning records needs the " + AnalyticsAccess.READ_SCOPE
                            + " scope");
                }
                if (filter.userId() != null && !filter.userId().equals(caller.subject())) {
                    throw DomainException.forbidden("Trainees see only their own learning records");
                }
                conditions.add(Criteria.where("userId").is(caller.subject()));
            }
        }
        if (filter.userId() != null) {
            conditions.add(Criteria.where("userId").is(filter.userId()));
        }
        if (filter.verb() != null) {
            conditions.add(Criteria.where("verb").is(filter.verb().name()));
        }
        if (filter.courseId() != null) {
            conditions.add(Criteria.where("context.courseId").is(filter.courseId()));
        }
        if (filter.from() != null) {
            conditions.add(Criteria.where("timestamp").gte(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add(Criteria.where("timestamp").lt(filter.to()));
        }
        Criteria criteria = conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
        return Connection.of(store.page(criteria, page), page, store.count(criteria)).map(this::view);
    }

    LearningRecordView view(LearningRecord r) {
        LearningRecord.Result result = r.result();
        LearningRecord.Context context = r.context();
        return new LearningRecordView(r.id(), r.userId(), new EntityReference("User", r.userId()), r.organizationId(),
                r.verb(), r.verb().iri(), xapi.activityId(r), r.objectType().name(), r.objectName(),
                result == null ? null : result.success(), result == null ? null : result.completion(),
                result == null ? null : result.scoreRaw(), result == null ? null : result.scoreScaled(),
                result == null ? null : result.attempt(), result == null ? null : result.hintsTaken(),
                context == null ? null : context.courseId(), context == null ? null : context.cubeId(),
                context == null ? null : context.assignmentId(), r.timestamp(), xapi.json(r));
    }
}
