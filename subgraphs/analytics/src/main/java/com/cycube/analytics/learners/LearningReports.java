package com.cycube.analytics.learners;

import com.cycube.analytics.access.AnalyticsAccess;
import com.cycube.analytics.certificates.Certificates;
import com.cycube.analytics.dashboards.DashboardCalculator;
import com.cycube.analytics.directory.CourseDocument;
import com.cycube.analytics.directory.DirectoryStore;
import com.cycube.analytics.enrollments.EnrollmentState;
import com.cycube.analytics.enrollments.Enrollments;
import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.AggregateStore;
import com.cycube.analytics.readmodel.Figure;
import com.cycube.analytics.readmodel.Figures;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Learners' reports: the learner aggregate's totals, their enrollments and certificates. The learner themselves,
 * managers and analytics readers of their organization, and root; for anyone else the learner does not exist.
 */
@Service
public class LearningReports {

    private final Learners learners;
    private final Enrollments enrollments;
    private final Certificates certificates;
    private final Activity activity;
    private final AggregateStore aggregates;
    private final DirectoryStore directory;
    private final Clock clock;

    public LearningReports(Learners learners, Enrollments enrollments, Certificates certificates, Activity activity,
                           AggregateStore aggregates, DirectoryStore directory, Clock clock) {
        this.learners = learners;
        this.enrollments = enrollments;
        this.certificates = certificates;
        this.activity = activity;
        this.aggregates = aggregates;
        this.directory = directory;
        this.clock = clock;
    }

    public LearningReport of(Caller caller, String userId) {
        caller.requireAuthenticated();
        LearnerProfile learner = learners.find(userId)
                .filter(found -> AnalyticsAccess.readsLearner(caller, found.organizationId(), userId))
                .orElseThrow(() -> DomainException.notFound("User", userId));
        String org = learner.organizationId();
        Instant now = clock.instant();
        Figures totals = aggregates.read(AggregateKey.learner(org, userId));
        List<EnrollmentState> enrolled = enrollments.ofLearner(org, userId);
        Map<String, CourseDocument> courses = directory.courses(enrolled.stream().map(EnrollmentState::courseId).toList())
                .stream().collect(Collectors.toMap(CourseDocument::id, Function.identity()));
        List<LearningReport.Course> rows = enrolled.stream().map(e -> new LearningReport.Course(e.courseId(),
                courses.containsKey(e.courseId()) ? courses.get(e.courseId()).title() : null, e.startedAt(),
                e.assigned(), e.dueAt(), status(e, now), e.percent(), e.completedCubes().size(), e.score(),
                e.completedAt(), (int) (e.timeSpentSeconds() / 60), e.lastActivityAt())).toList();
        List<LearningReport.Certificate> earned = certificates.ofLearner(org, userId).stream()
                .map(c -> new LearningReport.Certificate(c.certificateId(), c.courseId(), c.courseTitle(), c.issuedAt()))
                .toList();
        Instant lastActive = activity.of(org, userId).map(ActivityState::lastActiveAt).orElse(null);
        return new LearningReport(userId, learner.displayName(), (int) totals.get(Figure.ENROLLMENTS),
                (int) totals.get(Figure.COMPLETIONS),
                DashboardCalculator.average(totals.get(Figure.SCORE_SUM), totals.get(Figure.SCORE_COUNT)),
                totals.get(Figure.TIME_SPENT) / 3600.0, DashboardCalculator.labHours(totals, now),
                lastActive, rows, earned);
    }

    static String status(EnrollmentState e, Instant now) {
        if (e.completed()) {
            return "COMPLETED";
        }
        if (e.dueAt() != null && e.dueAt().isBefore(now)) {
            return "OVERDUE";
        }
        return e.begun() ? "IN_PROGRESS" : "NOT_STARTED";
    }
}
