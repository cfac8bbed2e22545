package com.cycube.training.catalog;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import com.cycube.support.tenancy.TenantScopedMongo;
import com.cycube.support.tenancy.Visibility;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of training's catalog copy: courses and paths visible to a caller (own organization's or GLOBAL). */
@Component
public class CatalogStore {

    private final TenantScopedMongo scoped;
    private final MongoTemplate mongo;

    public CatalogStore(TenantScopedMongo scoped, MongoTemplate mongo) {
        this.scoped = scoped;
        this.mongo = mongo;
    }

    /** A course the caller may enroll in: visible and open; anything else is NOT_FOUND (never "archived"). */
    public CourseDocument enrollableCourse(Caller caller, String courseId) {
        return scoped.findById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, courseId, CourseDocument.class)
                .filter(CourseDocument::acceptsEnrollments)
                .orElseThrow(() -> DomainException.notFound("Course", courseId));
    }

    public LearningPathDocument path(Caller caller, String pathId) {
        return scoped.getById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, pathId, LearningPathDocument.class, "LearningPath");
    }

    /** The enrollable courses among {@code ids} visible to the caller, in the order given. */
    public List<CourseDocument> enrollableCourses(Caller caller, List<String> ids) {
        List<CourseDocument> found = scoped.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, CourseDocument.class);
        return ids.stream().flatMap(id -> found.stream().filter(c -> c.id().equals(id) && c.acceptsEnrollments()).findFirst().stream())
                .toList();
    }

    public List<CourseDocument> visibleCourses(Caller caller, Collection<String> ids) {
        return scoped.findAllById(caller, Visibility.OWN_ORGANIZATION_OR_GLOBAL, ids, CourseDocument.class);
    }

    // ------------------------------------------------------------------ system reads (event handlers, live updates)

    /** Courses of {@code orgId} or GLOBAL containing the cube: where a fact about the cube may count. */
    public List<CourseDocument> coursesContainingCube(String orgId, String cubeId) {
        return mongo.find(Query.query(Criteria.where("cubes.cubeId").is(cubeId)
                .and("organizationId").in(orgId, null)), CourseDocument.class);
    }

    public Optional<CourseDocument> course(String courseId) {
        return Optional.ofNullable(mongo.findById(courseId, CourseDocument.class));
    }

    public List<CourseDocument> courses(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), CourseDocument.class);
    }
}
