package com.cycube.assessment.answers;

import com.cycube.assessment.answers.QuizResultDocument.Attempt;
import com.cycube.support.auth.Caller;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes of {@code quiz_results}, the trainee's own documents. Every change is a compare-and-set on
 * {@code revision} (empty when somebody else changed the document since it was read) made with update operators,
 * so the events pending in the document's outbox are never overwritten.
 */
@Component
public class QuizResultStore {

    private final TenantScopedMongo tenants;

    public QuizResultStore(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    public Optional<QuizResultDocument> find(Caller caller, String id) {
        return tenants.findById(caller, Visibility.OWN_ORGANIZATION, id, QuizResultDocument.class);
    }

    public List<QuizResultDocument> findAll(Caller caller, Collection<String> ids) {
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, QuizResultDocument.class);
    }

    /** The caller's result on {@code cubeId}, created empty on first use (a concurrent creation is simply read). */
    public QuizResultDocument findOrCreate(Caller caller, String organizationId, String cubeId, Instant now) {
        String id = QuizResultDocument.idOf(caller.subject(), cubeId);
        return find(caller, id).orElseGet(() -> {
            try {
                return tenants.insert(caller, new QuizResultDocument(id, organizationId, caller.subject(), cubeId, 0,
                        Map.of(), false, null, null, null, now, now));
            } catch (DuplicateKeyException createdConcurrently) {
                return find(caller, id).orElseThrow(() -> new IllegalStateException("quiz result vanished"));
            }
        });
    }

    /**
     * Records a graded answer, with its events, unless {@code read} is outdated. {@code passedScore} non-null also
     * records the pass, {@code fails} the failure (at the attempt's time) — decided from {@code read}, so the
     * compare-and-set makes each happen once.
     */
    public Optional<QuizResultDocument> recordAnswer(Caller caller, QuizResultDocument read, String questionId,
                                                     Attempt attempt, Integer passedScore, boolean fails,
                                                     List<DomainEvent> events) {
        String base = questionPath(questionId);
        Update update = new Update()
                .set(base + "attempts", attempt.attempt())
                .set(base + "solved", attempt.correct())
                .set(base + "points", attempt.points())
                .push(base + "history", attempt)
                .inc("revision", 1)
                .set("updatedAt", attempt.at());
        if (passedScore != null) {
            update.set("passed", true).set("passedAt", attempt.at()).set("passedScore", passedScore);
        }
        if (fails) {
            update.set("failedAt", attempt.at());
        }
        Outbox.record(update, events.toArray(DomainEvent[]::new));
        return compareAndSet(caller, read, update);
    }

    /** Records a hint taken and the penalty it costs ({@code penalty} 0: free), unless {@code read} is outdated. */
    public Optional<QuizResultDocument> recordHint(Caller caller, QuizResultDocument read, String questionId,
                                                   String hintId, int penalty, Instant at) {
        String base = questionPath(questionId);
        Update update = new Update().push(base + "hintsTaken", hintId).inc(base + "hintPenalty", penalty)
                .inc("revision", 1).set("updatedAt", at);
        if (!read.questions().containsKey(questionId)) {
            update.set(base + "attempts", 0).set(base + "solved", false).set(base + "points", 0)
                    .set(base + "history", List.of());
        }
        return compareAndSet(caller, read, update);
    }

    private Optional<QuizResultDocument> compareAndSet(Caller caller, QuizResultDocument read, Update update) {
        return tenants.update(caller, read.id(), Criteria.where("revision").is(read.revision()), update,
                QuizResultDocument.class);
    }

    private static String questionPath(String questionId) {
        return "questions." + questionId + ".";
    }
}
