package com.cycube.analytics.skills;

import static com.cycube.analytics.readmodel.Figure.path;

import com.cycube.analytics.directory.CourseDocument;
import com.cycube.analytics.directory.DirectoryStore;
import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.Contribution;
import com.cycube.analytics.readmodel.Contributions;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.analytics.readmodel.EntityType;
import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Figure;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Learners' skills as entities of the read model: per skill, how many learners covered it, how many are required to
 * by an assigned path, and how many of those already did — for the organization and for each learner (so a team is
 * the sum of its members).
 */
@Component
public class Skills implements EntityType<SkillState> {

    public static final String COLLECTION = "learner_skills";
    /** Per skill (encoded id): learners who covered it. */
    public static final String COVERED = "covered";
    /** Per skill: learners an assigned path requires it of. */
    public static final String REQUIRED = "required";
    /** Per skill: learners it is required of who covered it. */
    public static final String REQUIRED_COVERED = "requiredCovered";

    private final EntityStore store;
    private final DirectoryStore directory;

    public Skills(EntityStore store, DirectoryStore directory) {
        this.store = store;
        this.directory = directory;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<SkillState> stateClass() {
        return SkillState.class;
    }

    @Override
    public String what() {
        return "The learner's skills";
    }

    /** The learner completed {@code courseId}: the skills it teaches now are covered. */
    public void completed(String eventId, String organizationId, String userId, String courseId) {
        List<String> skills = directory.course(courseId).map(Skills::skillIds).orElse(List.of());
        store.apply(this, id(organizationId, userId), organizationId, eventId,
                current -> current.orElseGet(() -> SkillState.empty(organizationId, userId)).covering(skills));
    }

    /** A learning path was assigned to the learner: the skills of its courses are required of them. */
    public void pathAssigned(String eventId, String organizationId, String userId, String pathId) {
        List<String> skills = directory.paths(List.of(pathId)).stream()
                .flatMap(path -> directory.courses(path.courseIds()).stream())
                .flatMap(course -> skillIds(course).stream()).distinct().toList();
        store.apply(this, id(organizationId, userId), organizationId, eventId,
                current -> current.orElseGet(() -> SkillState.empty(organizationId, userId)).requiring(skills));
    }

    private static List<String> skillIds(CourseDocument course) {
        return course.skills().stream().map(CourseDocument.Skill::skillId).toList();
    }

    private static String id(String organizationId, String userId) {
        return organizationId + ":" + userId;
    }

    @Override
    public List<Contribution> contributions(SkillState learner) {
        Contributions result = new Contributions();
        for (AggregateKey target : List.of(AggregateKey.organization(learner.organizationId()),
                AggregateKey.learner(learner.organizationId(), learner.userId()))) {
            for (String skill : learner.covered()) {
                result.add(target, path(Figure.SKILLS, FieldKeys.segment(skill), COVERED), 1);
            }
            for (String skill : learner.required()) {
                result.add(target, path(Figure.SKILLS, FieldKeys.segment(skill), REQUIRED), 1);
                result.add(target, path(Figure.SKILLS, FieldKeys.segment(skill), REQUIRED_COVERED),
                        learner.covered().contains(skill) ? 1 : 0);
            }
        }
        return result.list();
    }
}
