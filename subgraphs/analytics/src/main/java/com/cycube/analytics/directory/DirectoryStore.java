package com.cycube.analytics.directory;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the copies of organizations, teams, courses and paths that analytics keeps from their events. */
@Component
public class DirectoryStore {

    private final MongoTemplate mongo;

    public DirectoryStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<OrganizationDocument> organization(String id) {
        return Optional.ofNullable(mongo.findById(id, OrganizationDocument.class, OrganizationDocument.COLLECTION));
    }

    public Optional<TeamDocument> team(String id) {
        return Optional.ofNullable(mongo.findById(id, TeamDocument.class, TeamDocument.COLLECTION))
                .filter(team -> !team.deleted());
    }

    public Optional<CourseDocument> course(String id) {
        return Optional.ofNullable(mongo.findById(id, CourseDocument.class, CourseDocument.COLLECTION));
    }

    public List<CourseDocument> courses(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), CourseDocument.class, CourseDocument.COLLECTION);
    }

    public List<LearningPathDocument> paths(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), LearningPathDocument.class,
                LearningPathDocument.COLLECTION);
    }

    /** Every skill some course teaches, by id (as the catalog last published the courses). */
    public Map<String, CourseDocument.Skill> skills() {
        Map<String, CourseDocument.Skill> skills = new TreeMap<>();
        Query withSkills = Query.query(Criteria.where("skills.0").exists(true));
        withSkills.fields().include("skills");
        for (Document course : mongo.find(withSkills, Document.class, CourseDocument.COLLECTION)) {
            for (Document skill : course.getList("skills", Document.class, List.of())) {
                skills.putIfAbsent(skill.getString("skillId"), new CourseDocument.Skill(skill.getString("skillId"),
                        skill.getString("framework"), skill.getString("code"), skill.getString("name")));
            }
        }
        return skills;
    }

    /** {@code teamId} and every team below it (not deleted), in one organization. */
    public Set<String> teamWithDescendants(String organizationId, String teamId) {
        Map<String, List<String>> children = mongo.find(Query.query(Criteria.where("organizationId").is(organizationId)
                        .and("deleted").is(false)), TeamDocument.class, TeamDocument.COLLECTION).stream()
                .filter(team -> team.parentTeamId() != null)
                .collect(Collectors.groupingBy(TeamDocument::parentTeamId,
                        Collectors.mapping(TeamDocument::id, Collectors.toList())));
        Set<String> result = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(teamId));
        while (!next.isEmpty()) {
            String team = next.pop();
            if (result.add(team)) {
                next.addAll(children.getOrDefault(team, List.of()));
            }
        }
        return result;
    }
}
