package com.cycube.analytics.exports;

import com.cycube.analytics.access.AnalyticsAccess;
import com.cycube.analytics.courses.CourseAnalytics;
import com.cycube.analytics.courses.CourseAnalyticsService;
import com.cycube.analytics.dashboards.DashboardCalculator;
import com.cycube.analytics.dashboards.DashboardFigures;
import com.cycube.analytics.dashboards.Dashboards;
import com.cycube.analytics.learners.LearnerProfile;
import com.cycube.analytics.learners.Learners;
import com.cycube.analytics.readmodel.AggregateKind;
import com.cycube.analytics.readmodel.AggregateStore;
import com.cycube.analytics.readmodel.Figure;
import com.cycube.analytics.readmodel.Figures;
import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Report exports: the same read model as the dashboards, scoped like them (an organization's or a team's learners, a
 * course's funnel and questions), written as CSV or XLSX and returned in the mutation's payload (base64), so that the
 * file travels through the router under the caller's token like any other answer — no second, unauthenticated URL.
 */
@Service
public class ReportExports {

    /** The most rows one export holds (an organization of 100,000 learners is exported team by team). */
    static final int MAX_ROWS = 100_000;
    private static final int KEYS_PER_READ = 1_000;

    private static final List<String> LEARNER_HEADERS = List.of("User id", "Name", "Active member", "Enrollments",
            "Completions", "Completion rate", "Average score", "Overdue enrollments", "Study hours", "Lab hours",
            "Certificates", "Last active day");

    private final Dashboards dashboards;
    private final CourseAnalyticsService courses;
    private final Learners learners;
    private final AggregateStore aggregates;
    private final Clock clock;

    public ReportExports(Dashboards dashboards, CourseAnalyticsService courses, Learners learners,
                         AggregateStore aggregates, Clock clock) {
        this.dashboards = dashboards;
        this.courses = courses;
        this.learners = learners;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    public enum Scope { ORGANIZATION, TEAM, COURSE }

    public enum Format { CSV, XLSX }

    /** A produced file. */
    public record ExportedReport(String fileName, String contentType, String contentBase64, int rows,
                                 Instant generatedAt) {
    }

    public ExportedReport export(Caller caller, Scope scope, String id, Format format) {
        if (scope == null || format == null) {
            throw DomainException.badInput("scope and format are required");
        }
        Instant now = clock.instant();
        ReportTable table = switch (scope) {
            case ORGANIZATION -> {
                String organizationId = AnalyticsAccess.organizationFor(caller, id);
                yield learnerTable("Organization " + organizationId, organizationId, learners.inOrganization(organizationId), now);
            }
            case TEAM -> {
                if (id == null || id.isBlank()) {
                    throw DomainException.badInput("A team report needs the team's id");
                }
                Dashboards.TeamScope team = dashboards.teamScope(caller, id);
                yield learnerTable("Team " + team.team().name(), team.team().organizationId(), team.members(), now);
            }
            case COURSE -> {
                if (id == null || id.isBlank()) {
                    throw DomainException.badInput("A course report needs the course's id");
                }
                yield courseTable(courses.of(caller, id));
            }
        };
        if (table.rows().size() > MAX_ROWS) {
            throw DomainException.badInput("The report has more than " + MAX_ROWS + " rows: export it team by team");
        }
        byte[] content = format == Format.CSV ? CsvFormat.write(table) : XlsxFormat.write(table);
        String base = (scope.name().toLowerCase() + "-" + (id == null ? "report" : id)).replaceAll("[^A-Za-z0-9._-]", "_")
                + "-" + now.toString().substring(0, 10);
        return format == Format.CSV
                ? new ExportedReport(base + ".csv", "text/csv; charset=utf-8", Base64.getEncoder().encodeToString(content),
                        table.rows().size(), now)
                : new ExportedReport(base + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        Base64.getEncoder().encodeToString(content), table.rows().size(), now);
    }

    private ReportTable learnerTable(String title, String organizationId, List<LearnerProfile> members, Instant now) {
        Map<String, Figures> figures = new HashMap<>();
        List<String> ids = members.stream().map(LearnerProfile::userId).toList();
        for (int from = 0; from < ids.size(); from += KEYS_PER_READ) {
            figures.putAll(aggregates.readEach(AggregateKind.LEARNER, organizationId,
                    ids.subList(from, Math.min(ids.size(), from + KEYS_PER_READ))));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (LearnerProfile member : members) {
            Figures f = figures.getOrDefault(member.userId(), Figures.NONE);
            DashboardFigures d = DashboardCalculator.figures(f, 0, null, now);
            String lastActiveDay = null;
            for (String day : f.group(Figure.LAST_ACTIVE).fields()) {
                if (f.group(Figure.LAST_ACTIVE).get(day) > 0) {
                    lastActiveDay = day;
                }
            }
            List<Object> row = new ArrayList<>();
            row.add(member.userId());
            row.add(member.displayName());
            row.add(member.active());
            row.add(d.enrollments());
            row.add(d.completions());
            row.add(d.completionRate());
            row.add(d.averageScore());
            row.add(d.overdueEnrollments());
            row.add(round(d.studyHours()));
            row.add(round(d.labHoursUsed()));
            row.add(d.certificates());
            row.add(lastActiveDay);
            rows.add(row);
        }
        return new ReportTable(title, LEARNER_HEADERS, rows);
    }

    private static ReportTable courseTable(CourseAnalytics course) {
        List<List<Object>> rows = new ArrayList<>();
        for (CourseAnalytics.CubeFunnel cube : course.cubes()) {
            rows.add(new ArrayList<>(Arrays.asList("CUBE", cube.cubeId(), cube.cubeId(), cube.position(),
                    cube.kind(), cube.started(), cube.completed(), cube.dropOff(), null, null, null, null)));
        }
        for (CourseAnalytics.QuestionStatistics question : course.questions()) {
            rows.add(new ArrayList<>(Arrays.asList("QUESTION", question.questionId(), question.cubeId(), null,
                    null, null, null, null, question.learnersAnswered(), question.correctRate(),
                    question.averageAttempts(), question.hintUseRate())));
        }
        return new ReportTable("Course " + course.courseId(), List.of("Row", "Id", "Cube", "Position", "Kind", "Started",
                "Completed", "Drop-off", "Learners answered", "Correct rate", "Average attempts", "Hint use rate"), rows);
    }

    private static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }
}
