package com.cycube.analytics.dashboards;

import java.time.Instant;
import java.util.List;

/** A team's dashboard, sub-teams included (see the schema). */
public record TeamDashboard(String teamId, String teamName, int teamsIncluded, DashboardFigures figures,
                            List<WeeklyFigures> weeklyTrend, Instant asOf) {
}
