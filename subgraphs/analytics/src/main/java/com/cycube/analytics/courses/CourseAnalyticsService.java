package com.cycube.analytics.courses;

import com.cycube.analytics.access.AnalyticsAccess;
import com.cycube.analytics.dashboards.DashboardCalculator;
import com.cycube.analytics.directory.CourseDocument;
import com.cycube.analytics.directory.DirectoryStore;
import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.AggregateKind;
import com.cycube.analytics.readmodel.AggregateStore;
import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Figure;
import com.cycube.analytics.readmodel.Figures;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.errors.DomainException;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Course analytics: the funnel, drop-off per cube and per-question statistics. Managers and analytics readers see
 * their organization's learners in any course those learners take; root sees every organization's. A course of
 * another organization (private content) is NOT_FOUND.
 */
@Service
public class CourseAnalyticsService {

    private final AggregateStore aggregates;
    private final DirectoryStore directory;

    public CourseAnalyticsService(AggregateStore aggregates, DirectoryStore directory) {
        this.aggregates = aggregates;
        this.directory = directory;
    }

    public CourseAnalytics of(Caller caller, String courseId) {
        caller.require(Role.MANAGER, AnalyticsAccess.READ_SCOPE);
        CourseDocument course = directory.course(courseId)
                .filter(found -> found.organizationId() == null || caller.canAccessOrganization(found.organizationId()))
                .orElseThrow(() -> DomainException.notFound("Course", courseId));
        String organizationId = caller.isRoot() ? null : caller.requireOrganization();
        Figures figures = organizationId == null
                ? aggregates.readAcrossOrganizations(AggregateKind.COURSE, courseId)
                : aggregates.read(AggregateKey.course(organizationId, courseId));
        long enrolled = figures.get(Figure.ENROLLMENTS);
        long completed = figures.get(Figure.COMPLETIONS);
        Figures cubeFigures = figures.group(Figure.CUBES);
        List<CourseAnalytics.CubeFunnel> cubes = course.cubes().stream()
                .sorted(Comparator.comparingInt(CourseDocument.Cube::position))
                .map(cube -> {
                    Figures f = cubeFigures.group(FieldKeys.segment(cube.cubeId()));
                    return new CourseAnalytics.CubeFunnel(cube.cubeId(), cube.position(), cube.kind(),
                            (int) f.get(Figure.STARTED), (int) f.get(Figure.COMPLETIONS));
                }).toList();
        List<CourseAnalytics.QuestionStatistics> questions = aggregates.readByGroup(AggregateKind.QUESTION,
                        organizationId, course.cubes().stream().map(CourseDocument.Cube::cubeId).toList())
                .entrySet().stream()
                .filter(entry -> entry.getValue().figures().get(Figure.ANSWERED) > 0)
                .map(entry -> question(entry.getKey(), entry.getValue().group(), entry.getValue().figures()))
                .sorted(Comparator.comparingDouble(CourseAnalytics.QuestionStatistics::correctRate)
                        .thenComparing(CourseAnalytics.QuestionStatistics::questionId))
                .toList();
        return new CourseAnalytics(courseId, organizationId, (int) enrolled, (int) figures.get(Figure.STARTED),
                (int) completed, enrolled == 0 ? null : (double) completed / enrolled,
                DashboardCalculator.average(figures.get(Figure.SCORE_SUM), figures.get(Figure.SCORE_COUNT)),
                enrolled == 0 ? null : figures.get(Figure.TIME_SPENT) / 60.0 / enrolled, cubes, questions);
    }

    private static CourseAnalytics.QuestionStatistics question(String questionId, String cubeId, Figures f) {
        double answered = f.get(Figure.ANSWERED);
        return new CourseAnalytics.QuestionStatistics(questionId, cubeId, (int) answered,
                f.get(Figure.CORRECT) / answered, f.get(Figure.ATTEMPTS) / answered, f.get(Figure.HINTED) / answered,
                f.get(Figure.HINTS) / answered);
    }
}
