package com.cycube.support.tenancy;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.pagination.PageRequest;
import com.mongodb.client.result.UpdateResult;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The only way subgraph code reads or writes tenant-owned documents. Every query gets the
 * caller's tenant criterion added here, so a forgotten filter cannot leak another organization's
 * data; every write checks the document's organization against the caller. Another tenant's
 * document is indistinguishable from a missing one.
 */
public class TenantScopedMongo {

    public static final String ORGANIZATION_FIELD = "organizationId";

    private final MongoTemplate mongo;

    public TenantScopedMongo(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The criterion limiting a read to what {@code caller} may see. */
    public Criteria tenantCriteria(Caller caller, Visibility visibility) {
        if (caller.isRoot()) {
            return new Criteria();
        }
        Optional<String> organization = caller.organizationId();
        if (visibility == Visibility.OWN_ORGANIZATION_OR_GLOBAL) {
            return organization
                    .map(org -> Criteria.where(ORGANIZATION_FIELD).in(org, null))
                    .orElseGet(() -> Criteria.where(ORGANIZATION_FIELD).is(null));
        }
        // No organization and not root: nothing is owned, match nothing.
        return Criteria.where(ORGANIZATION_FIELD).is(organization.orElse("\u0000no-organization"));
    }

    public Query scopedQuery(Caller caller, Visibility visibility, Criteria criteria) {
        Criteria tenant = tenantCriteria(caller, visibility);
        return new Query(criteria == null ? tenant : new Criteria().andOperator(tenant, criteria));
    }

    public <T> Optional<T> findById(Caller caller, Visibility visibility, String id, Class<T> type) {
        return Optional.ofNullable(mongo.findOne(scopedQuery(caller, visibility, Criteria.where("_id").is(id)), type));
    }

    /** Like {@link #findById} but NOT_FOUND (named {@code typeName}) when missing or not visible. */
    public <T> T getById(Caller caller, Visibility visibility, String id, Class<T> type, String typeName) {
        return findById(caller, visibility, id, type).orElseThrow(() -> DomainException.notFound(typeName, id));
    }

    public <T> List<T> findAllById(Caller caller, Visibility visibility, java.util.Collection<String> ids, Class<T> type) {
        return mongo.find(scopedQuery(caller, visibility, Criteria.where("_id").in(ids)), type);
    }

    public <T> List<T> find(Caller caller, Visibility visibility, Criteria criteria, Sort sort, PageRequest page, Class<T> type) {
        Query query = scopedQuery(caller, visibility, criteria).with(sort);
        if (page != null) {
            query.skip(page.offset()).limit(page.first() + 1); // one extra tells whether a next page exists
        }
        return mongo.find(query, type);
    }

    /** At most {@code limit} documents the caller may see, in {@code sort} order (for batch reads that must stay bounded). */
    public <T> List<T> findAtMost(Caller caller, Visibility visibility, Criteria criteria, Sort sort, int limit, Class<T> type) {
        return mongo.find(scopedQuery(caller, visibility, criteria).with(sort).limit(limit), type);
    }

    public long count(Caller caller, Visibility visibility, Criteria criteria, Class<?> type) {
        return mongo.count(scopedQuery(caller, visibility, criteria), type);
    }

    public <T extends TenantOwned> T insert(Caller caller, T document) {
        assertWritable(caller, document.organizationId());
        return mongo.insert(document);
    }

    /** Replaces a document the caller owns; the stored copy's organization is checked too. */
    public <T extends TenantOwned> T replace(Caller caller, String id, T document) {
        assertWritable(caller, document.organizationId());
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) document.getClass();
        Query owned = scopedQuery(caller, Visibility.OWN_ORGANIZATION, Criteria.where("_id").is(id));
        UpdateResult result = mongo.replace(owned, document);
        if (result.getMatchedCount() == 0) {
            throw DomainException.notFound(type.getSimpleName(), id);
        }
        return document;
    }

    /** Applies {@code update} to a document the caller owns and returns the new version. */
    public <T> Optional<T> update(Caller caller, String id, Criteria precondition, Update update, Class<T> type) {
        Criteria criteria = precondition == null ? Criteria.where("_id").is(id)
                : new Criteria().andOperator(Criteria.where("_id").is(id), precondition);
        return Optional.ofNullable(mongo.findAndModify(scopedQuery(caller, Visibility.OWN_ORGANIZATION, criteria),
                update, FindAndModifyOptions.options().returnNew(true), type));
    }

    public boolean delete(Caller caller, String id, Class<?> type) {
        return mongo.remove(scopedQuery(caller, Visibility.OWN_ORGANIZATION, Criteria.where("_id").is(id)), type)
                .getDeletedCount() > 0;
    }

    /** Root writes anything; everyone else only inside their own organization, never global data. */
    public static void assertWritable(Caller caller, String organizationId) {
        caller.requireAuthenticated();
        if (caller.isRoot()) {
            return;
        }
        if (organizationId == null || !caller.canAccessOrganization(organizationId)) {
            throw DomainException.forbidden("You may only change data of your own organization");
        }
    }
}
