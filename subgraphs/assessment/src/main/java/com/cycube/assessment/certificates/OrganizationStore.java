package com.cycube.assessment.certificates;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the organization read model ({@code organizations}, kept by {@link OrganizationChangedHandler}). */
@Component
public class OrganizationStore {

    private final MongoTemplate mongo;

    public OrganizationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The names of these organizations, by id (organizations without one are absent). Without a caller: only for
     * the issuers of certificates already authorized for reading or verified — what a certificate shows publicly.
     */
    public Map<String, String> names(Collection<String> organizationIds) {
        Map<String, String> names = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return names;
        }
        mongo.find(Query.query(Criteria.where("_id").in(organizationIds)), OrganizationDocument.class).stream()
                .filter(organization -> organization.name() != null)
                .forEach(organization -> names.put(organization.id(), organization.name()));
        return names;
    }
}
