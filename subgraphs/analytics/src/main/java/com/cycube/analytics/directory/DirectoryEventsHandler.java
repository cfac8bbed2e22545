package com.cycube.analytics.directory;

import com.cycube.analytics.learners.LearnerProfile;
import com.cycube.analytics.learners.Learners;
import com.cycube.support.contracts.catalog.CourseArchived;
import com.cycube.support.contracts.catalog.CoursePublished;
import com.cycube.support.contracts.catalog.LearningPathPublished;
import com.cycube.support.contracts.identity.OrganizationChanged;
import com.cycube.support.contracts.identity.TeamChanged;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.EventHandler;
import com.cycube.support.events.EventPayload;
import com.cycube.support.events.Snapshots;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps analytics' copies of identity's organizations, members and teams and of the catalog's courses and paths:
 * names for reports, the team tree for team dashboards, course structure and skills for course analytics.
 */
@Component
public class DirectoryEventsHandler implements EventHandler {

    private final Learners learners;
    private final MongoTemplate mongo;

    public DirectoryEventsHandler(Learners learners, MongoTemplate mongo) {
        this.learners = learners;
        this.mongo = mongo;
    }

    @Override
    public String group() {
        return "analytics.directory";
    }

    @Override
    public Set<String> eventTypes() {
        return EventPayload.typesOf(OrganizationChanged.class, UserChanged.class, TeamChanged.class,
                CoursePublished.class, CourseArchived.class, LearningPathPublished.class);
    }

    @Override
    public void handle(DomainEvent event) {
        if (event.is(OrganizationChanged.class)) {
            OrganizationChanged organization = event.payloadAs(OrganizationChanged.class);
            Snapshots.keepHighest(mongo, OrganizationDocument.COLLECTION, organization.organizationId(),
                    organization.versionOrZero(), new Document("name", organization.name())
                            .append("labQuota", organization.labQuota()).append("active", organization.active()));
        } else if (event.is(UserChanged.class)) {
            if (event.orgId() == null) {
                return; // root: a member of no organization, on no dashboard
            }
            UserChanged user = event.payloadAs(UserChanged.class);
            learners.changed(event.eventId(), new LearnerProfile(event.requireOrgId(), user.userId(), user.displayName(),
                    user.role(), user.teamIds(), user.active(), user.status(), user.versionOrZero()));
        } else if (event.is(TeamChanged.class)) {
            TeamChanged team = event.payloadAs(TeamChanged.class);
            Snapshots.keepHighest(mongo, TeamDocument.COLLECTION, team.teamId(), team.version(),
                    new Document("organizationId", event.requireOrgId()).append("name", team.name())
                            .append("parentTeamId", team.parentTeamId()).append("deleted", team.deleted()));
        } else if (event.is(CoursePublished.class)) {
            published(event.payloadAs(CoursePublished.class));
        } else if (event.is(CourseArchived.class)) {
            // terminal: whatever publication arrives later, the course stays archived
            mongo.upsert(Query.query(Criteria.where("_id").is(event.payloadAs(CourseArchived.class).courseId())),
                    new Update().set("archived", true).setOnInsert("version", 0L), CourseDocument.COLLECTION);
        } else if (event.is(LearningPathPublished.class)) {
            LearningPathPublished path = event.payloadAs(LearningPathPublished.class);
            Snapshots.keepHighest(mongo, LearningPathDocument.COLLECTION, path.pathId(), path.versionOrZero(),
                    new Document("organizationId", path.organizationId()).append("title", path.title())
                            .append("courseIds", path.courseIds()));
        }
    }

    private void published(CoursePublished course) {
        var cubes = course.cubes() == null ? java.util.List.<Document>of() : course.cubes().stream()
                .map(cube -> new Document("cubeId", cube.cubeId()).append("moduleId", cube.moduleId())
                        .append("kind", cube.kind()).append("position", cube.position())).toList();
        var skills = course.skills().stream()
                .map(skill -> new Document("skillId", skill.skillId()).append("framework", skill.framework())
                        .append("code", skill.code()).append("name", skill.name())).toList();
        Snapshots.keepHighest(mongo, CourseDocument.COLLECTION, course.courseId(), course.version(),
                new Document("organizationId", course.organizationId()).append("visibility", course.visibility())
                        .append("title", course.title()).append("cubes", cubes).append("skills", skills));
    }
}
