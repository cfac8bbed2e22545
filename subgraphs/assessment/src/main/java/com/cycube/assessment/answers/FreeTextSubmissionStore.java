package com.cycube.assessment.answers;

import com.cycube.support.auth.Caller;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.PageRequest;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Reads and writes of FREE_TEXT {@code submissions}, in the trainee's organization. */
@Component
public class FreeTextSubmissionStore {

    private static final Sort OLDEST_FIRST = Sort.by("submittedAt", "_id");

    private final TenantScopedMongo tenants;

    public FreeTextSubmissionStore(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    public Optional<FreeTextSubmissionDocument> find(Caller caller, String id) {
        return tenants.findById(caller, Visibility.OWN_ORGANIZATION, id, FreeTextSubmissionDocument.class);
    }

    /** {@code userId}'s submissions for these questions, oldest attempt first. */
    public List<FreeTextSubmissionDocument> ofUser(Caller caller, String userId, Collection<String> questionIds) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION,
                Criteria.where("userId").is(userId).and("questionId").in(questionIds),
                Sort.by("attempt"), null, FreeTextSubmissionDocument.class);
    }

    /** Stores a new submission; false when its attempt slot (its id) is already taken. */
    public boolean insertNew(Caller caller, FreeTextSubmissionDocument submission) {
        try {
            tenants.insert(caller, submission);
            return true;
        } catch (DuplicateKeyException slotTaken) {
            return false;
        }
    }

    /** Records the grade, with its event, while the submission is still pending review; empty otherwise. */
    public Optional<FreeTextSubmissionDocument> grade(Caller caller, String id, boolean correct, int points,
                                                      String feedback, String gradedBy, Instant at, DomainEvent event) {
        Update update = new Update().set("status", FreeTextSubmissionDocument.GRADED).set("correct", correct)
                .set("points", points).set("feedback", feedback).set("gradedAt", at).set("gradedBy", gradedBy);
        Outbox.record(update, event);
        return tenants.update(caller, id, pendingReview(), update, FreeTextSubmissionDocument.class);
    }

    /** The grading queue: submissions pending review, oldest first, optionally of one cube. */
    public List<FreeTextSubmissionDocument> pendingReview(Caller caller, String cubeId, PageRequest page) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION, pendingReview(cubeId), OLDEST_FIRST, page,
                FreeTextSubmissionDocument.class);
    }

    public long countPendingReview(Caller caller, String cubeId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION, pendingReview(cubeId), FreeTextSubmissionDocument.class);
    }

    private static Criteria pendingReview() {
        return Criteria.where("status").is(FreeTextSubmissionDocument.PENDING_REVIEW);
    }

    private static Criteria pendingReview(String cubeId) {
        return cubeId == null ? pendingReview() : pendingReview().and("cubeId").is(cubeId);
    }
}
