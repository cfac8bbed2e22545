package com.cycube.training.people;

import com.cycube.support.auth.Caller;
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

/** Reads of the people and organization read models. */
@Component
public class PeopleStore {

    private final TenantScopedMongo scoped;
    private final MongoTemplate mongo;

    public PeopleStore(TenantScopedMongo scoped, MongoTemplate mongo) {
        this.scoped = scoped;
        this.mongo = mongo;
    }

    /** The people among {@code ids} in the caller's organization. */
    public List<PersonDocument> people(Caller caller, Collection<String> ids) {
        return scoped.findAllById(caller, Visibility.OWN_ORGANIZATION, ids, PersonDocument.class);
    }

    /** Active members of any of {@code teamIds} visible to the caller (own organization; root: any). */
    public List<PersonDocument> activeMembers(Caller caller, Collection<String> teamIds) {
        return scoped.find(caller, Visibility.OWN_ORGANIZATION,
                Criteria.where("teamIds").in(teamIds).and("active").is(true), Sort.unsorted(), null, PersonDocument.class);
    }

    /** Whether training knows anybody of the caller's organization (active or not) in the team. */
    public boolean teamKnown(Caller caller, String teamId) {
        return scoped.count(caller, Visibility.OWN_ORGANIZATION, Criteria.where("teamIds").is(teamId), PersonDocument.class) > 0;
    }

    /** The organization a team belongs to, judged from its known members (system use: subscriptions of root). */
    public Optional<String> organizationOfTeam(String teamId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("teamIds").is(teamId)), PersonDocument.class))
                .map(PersonDocument::organizationId);
    }

    // ------------------------------------------------------------------ system reads

    public Optional<PersonDocument> person(String orgId, String userId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(userId).and("organizationId").is(orgId)),
                PersonDocument.class));
    }

    public Optional<Integer> seatLimit(String orgId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(orgId).and("organizationId").is(orgId)),
                OrganizationDocument.class)).map(OrganizationDocument::seatLimit);
    }
}
