package com.cycube.analytics.dashboards;

import java.time.Instant;
import java.util.List;

/** An organization's dashboard (see the schema). */
public record OrganizationDashboard(String organizationId, String organizationName, DashboardFigures figures,
                                    List<WeeklyFigures> weeklyTrend, Instant asOf) {
}
