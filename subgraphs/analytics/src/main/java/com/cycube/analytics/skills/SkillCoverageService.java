package com.cycube.analytics.skills;

import com.cycube.analytics.access.AnalyticsAccess;
import com.cycube.analytics.dashboards.Dashboards;
import com.cycube.analytics.directory.CourseDocument;
import com.cycube.analytics.directory.DirectoryStore;
import com.cycube.analytics.learners.LearnerProfile;
import com.cycube.analytics.readmodel.AggregateKey;
import com.cycube.analytics.readmodel.AggregateKind;
import com.cycube.analytics.readmodel.AggregateStore;
import com.cycube.analytics.readmodel.FieldKeys;
import com.cycube.analytics.readmodel.Figure;
import com.cycube.analytics.readmodel.Figures;
import com.cycube.support.auth.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Skill coverage for an organization or a team (with its sub-teams): per skill, learners who covered it, learners an
 * assigned path requires it of, and how many of those have not covered it yet — the gaps first. Who may read which:
 * as for the dashboards.
 */
@Service
public class SkillCoverageService {

    private final AggregateStore aggregates;
    private final DirectoryStore directory;
    private final Dashboards dashboards;
    private final Clock clock;

    public SkillCoverageService(AggregateStore aggregates, DirectoryStore directory, Dashboards dashboards, Clock clock) {
        this.aggregates = aggregates;
        this.directory = directory;
        this.dashboards = dashboards;
        this.clock = clock;
    }

    public SkillCoverage of(Caller caller, String organizationId, String teamId) {
        String org;
        Figures figures;
        int members;
        if (teamId != null) {
            Dashboards.TeamScope team = dashboards.teamScope(caller, teamId);
            org = team.team().organizationId();
            figures = Figures.NONE;
            for (Figures learner : aggregates.readEach(AggregateKind.LEARNER, org,
                    team.members().stream().map(LearnerProfile::userId).toList()).values()) {
                figures = figures.plus(learner);
            }
            members = (int) team.members().stream().filter(LearnerProfile::active).count();
        } else {
            org = AnalyticsAccess.organizationFor(caller, organizationId);
            figures = aggregates.read(AggregateKey.organization(org));
            members = (int) figures.get(Figure.MEMBERS);
        }
        Map<String, CourseDocument.Skill> catalog = directory.skills();
        Figures bySkill = figures.group(Figure.SKILLS);
        List<SkillCoverage.Entry> entries = new ArrayList<>();
        for (String field : bySkill.fields()) {
            Figures skill = bySkill.group(field);
            String id = FieldKeys.id(field);
            CourseDocument.Skill known = catalog.get(id);
            long required = skill.get(Skills.REQUIRED);
            long covered = skill.get(Skills.COVERED);
            if (required == 0 && covered == 0) {
                continue;
            }
            entries.add(new SkillCoverage.Entry(id, known == null ? null : known.framework(),
                    known == null ? null : known.code(), known == null ? null : known.name(), (int) covered,
                    (int) required, (int) (required - skill.get(Skills.REQUIRED_COVERED))));
        }
        entries.sort(Comparator.comparingInt(SkillCoverage.Entry::learnersMissing).reversed()
                .thenComparing(Comparator.comparingInt(SkillCoverage.Entry::learnersCovered).reversed())
                .thenComparing(SkillCoverage.Entry::skillId));
        return new SkillCoverage(org, teamId, members, entries, clock.instant());
    }
}
