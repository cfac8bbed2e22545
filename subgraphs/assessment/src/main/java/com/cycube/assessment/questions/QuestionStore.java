package com.cycube.assessment.questions;

import com.cycube.support.auth.Caller;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reads and writes of {@code questions}, scoped like their cube: GLOBAL (organization null) or the caller's
 * organization (root: all). Reads include archived questions unless they say "active".
 */
@Component
public class QuestionStore {

    /** A cube's questions: lower position first, equal positions in creation order. */
    private static final Sort CUBE_ORDER = Sort.by("position", "createdAt", "_id");

    private final TenantScopedMongo tenants;

    public QuestionStore(TenantScopedMongo tenants) {
        this.tenants = tenants;
    }

    public Optional<QuestionDocument> find(Caller caller, String id) {
        return tenants.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, id, QuestionDocument.class);
    }

    public List<QuestionDocument> findAll(Caller caller, Collection<String> ids) {
        return tenants.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, QuestionDocument.class);
    }

    /** The active questions of the cubes, in cube order. */
    public List<QuestionDocument> activeOfCubes(Caller caller, Collection<String> cubeIds) {
        return tenants.find(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                Criteria.where("cubeId").in(cubeIds).and("archived").is(false), CUBE_ORDER, null, QuestionDocument.class);
    }

    public long countActive(Caller caller, String cubeId) {
        return tenants.count(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL,
                Criteria.where("cubeId").is(cubeId).and("archived").is(false), QuestionDocument.class);
    }

    public QuestionDocument insert(Caller caller, QuestionDocument question) {
        return tenants.insert(caller, question);
    }

    /** Writes an author's edit of an active question; empty when it is archived (or gone) meanwhile. */
    public Optional<QuestionDocument> edit(Caller caller, String id, QuestionEdit edit) {
        Update update = new Update().set("prompt", edit.prompt()).set("points", edit.points())
                .set("maxAttempts", edit.maxAttempts()).set("position", edit.position()).set("hints", edit.hints())
                .set("updatedAt", edit.at());
        if (edit.options() != null) {
            update.set("options", edit.options());
        }
        if (edit.key() != null) {
            update.set("key", edit.key());
        }
        return tenants.update(caller, id, Criteria.where("archived").is(false), update, QuestionDocument.class);
    }

    public void archive(Caller caller, String id, Instant at) {
        tenants.update(caller, id, null, new Update().set("archived", true).set("updatedAt", at), QuestionDocument.class);
    }
}
