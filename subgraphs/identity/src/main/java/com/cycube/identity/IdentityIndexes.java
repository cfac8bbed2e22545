package com.cycube.identity;

import com.cycube.identity.invitations.InvitationDocument;
import com.cycube.identity.teams.TeamDocument;
import com.cycube.identity.users.UserDocument;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** The indexes behind identity's queries: member lists, team lookups, e-mail uniqueness checks, invitations. */
@Component
class IdentityIndexes {

    private final MongoTemplate mongo;

    IdentityIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(UserDocument.class).createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("displayName", Sort.Direction.ASC));
        mongo.indexOps(UserDocument.class).createIndex(new Index().on("email", Sort.Direction.ASC));
        mongo.indexOps(UserDocument.class).createIndex(new Index().on("teamIds", Sort.Direction.ASC));
        mongo.indexOps(TeamDocument.class).createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("name", Sort.Direction.ASC));
        mongo.indexOps(TeamDocument.class).createIndex(new Index().on("parentId", Sort.Direction.ASC));
        mongo.indexOps(InvitationDocument.class).createIndex(new Index().on("organizationId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        mongo.indexOps(InvitationDocument.class).createIndex(new Index().on("userId", Sort.Direction.ASC));
    }
}
