package com.cycube.assessment.certificates;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the user read model ({@code users}, kept by {@link UserChangedHandler}). */
@Component
public class UserStore {

    private final MongoTemplate mongo;

    public UserStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The display names of the holders of certificates already authorized for reading, by user id (holders without
     * one are absent). Read with MongoTemplate, each holder pinned to their certificate's organization.
     */
    public Map<String, String> holderNames(Collection<CertificateDocument> certificates) {
        Map<String, String> names = new HashMap<>();
        if (certificates.isEmpty()) {
            return names;
        }
        List<Criteria> holders = certificates.stream().map(certificate -> Criteria.where("_id").is(certificate.userId())
                .and("organizationId").is(certificate.organizationId())).toList();
        mongo.find(Query.query(new Criteria().orOperator(holders)), UserDocument.class).stream()
                .filter(user -> user.displayName() != null)
                .forEach(user -> names.put(user.id(), user.displayName()));
        return names;
    }
}
