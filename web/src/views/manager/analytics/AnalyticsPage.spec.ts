import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CourseCompletionDocument,
  ExportReportDocument,
  OrganizationDashboardDocument,
  OrganizationTeamsDocument,
  TeamDashboardDocument,
} from '@gql';
import { mountScreen, settle, type GraphMock, type MountedScreen } from '../testing';
import AnalyticsPage from './AnalyticsPage.vue';
import { completionBars, type CourseNode } from './chart';

function figures(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'DashboardFigures',
    members: 12,
    activeLearnersLast7Days: 7,
    activeLearnersLast30Days: 10,
    enrollments: 20,
    completions: 9,
    completionRate: 0.45,
    averageScore: 81.25,
    overdueEnrollments: 2,
    labsRunning: 1,
    labQuota: 5,
    labHoursUsed: 3.5,
    certificates: 4,
    studyHours: 40.2,
    ...overrides,
  };
}

const week = (weekStart: string, completions: number) => ({
  __typename: 'WeeklyFigures',
  weekStart,
  activeLearners: 3,
  enrollments: 2,
  completions,
  averageScore: null,
  overdueEnrollments: 0,
  labsLaunched: 1,
  labHours: 0.5,
  certificates: 0,
});

const dashboard = {
  organizationDashboard: {
    __typename: 'OrganizationDashboard',
    organizationId: 'org-acme',
    organizationName: 'Acme',
    asOf: '2026-12-07T10:00:00.000Z',
    figures: figures(),
    weeklyTrend: [week('2026-11-23T00:00:00.000Z', 2), week('2026-11-30T00:00:00.000Z', 5)],
  },
};

const course = (id: string, title: string, enrolled: number, completed: number) => ({
  __typename: 'Course',
  id,
  title,
  analytics: {
    __typename: 'CourseAnalytics',
    enrolled,
    started: enrolled,
    completed,
    completionRate: enrolled ? completed / enrolled : null,
    averageScore: completed ? 90 : null,
  },
});

const courses = {
  courses: {
    __typename: 'CourseConnection',
    totalCount: 3,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c3' },
    edges: [course('course-linux', 'Linux basics', 4, 1), course('course-phish', 'Phishing', 2, 2), course('course-new', 'New course', 0, 0)].map((node) => ({
      __typename: 'CourseEdge',
      node,
    })),
  },
};

const teams = {
  me: {
    __typename: 'User',
    id: 'manager-1',
    organization: {
      __typename: 'Organization',
      id: 'org-acme',
      name: 'Acme',
      teams: {
        __typename: 'TeamConnection',
        totalCount: 1,
        edges: [{ __typename: 'TeamEdge', node: { __typename: 'Team', id: 'team-red', name: 'Red team', parent: null, progress: null } }],
      },
    },
  },
};

const mocks: GraphMock[] = [
  { query: OrganizationDashboardDocument, data: dashboard },
  { query: CourseCompletionDocument, data: courses },
  { query: OrganizationTeamsDocument, data: teams },
];

let screen: MountedScreen | undefined;
afterEach(() => screen?.wrapper.unmount());
beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:report');
  URL.revokeObjectURL = vi.fn();
});

describe('completion per course as chart bars', () => {
  it('has one bar per course with learners, highest completion first, its value written out', () => {
    const bars = completionBars(courses.courses.edges.map((edge) => edge.node) as CourseNode[], (percent, completed, enrolled) => `${percent} % (${completed}/${enrolled})`);
    expect(bars.map((bar) => [bar.label, bar.value, bar.text])).toEqual([
      ['Phishing', 100, '100 % (2/2)'],
      ['Linux basics', 25, '25 % (1/4)'],
    ]);
  });
});

describe('the analytics page', () => {
  it('shows the organization’s overview figures', async () => {
    screen = await mountScreen(AnalyticsPage, { path: '/analytics', mocks });
    const figuresList = screen.wrapper.find('[data-testid="dashboard-figures"]');
    expect(figuresList.text()).toContain('Members12');
    expect(figuresList.text()).toContain('Completion rate45 %');
    expect(figuresList.text()).toContain('Labs running1 / 5');
    expect(figuresList.text()).toContain('Overdue enrollments2');
  });

  it('draws completion per course with each value as text in the chart', async () => {
    screen = await mountScreen(AnalyticsPage, { path: '/analytics', mocks });
    const chart = screen.wrapper.findAll('figure').find((figure) => figure.find('figcaption').text() === 'Completion rate per course')!;
    expect(chart.find('svg').attributes('role')).toBe('img');
    const values = chart.findAll('[data-testid="chart-value"]').map((value) => value.text());
    expect(values).toEqual(['100 % (2 of 2)', '25 % (1 of 4)']);
    const labels = chart.findAll('.chart__label').map((label) => label.text());
    expect(labels).toEqual(['Phishing', 'Linux basics']);
    expect(screen.wrapper.find('[data-testid="course-completion"]').text()).toContain('New course');
  });

  it('draws the weekly completions with their numbers', async () => {
    screen = await mountScreen(AnalyticsPage, { path: '/analytics', mocks });
    const chart = screen.wrapper.findAll('figure').find((figure) => figure.find('figcaption').text().startsWith('Completions per week'))!;
    expect(chart.findAll('[data-testid="chart-value"]').map((value) => value.text())).toEqual(['2', '5']);
  });

  it('keeps the figures live with dashboardUpdated', async () => {
    screen = await mountScreen(AnalyticsPage, { path: '/analytics', mocks });
    screen.subscriptions.simulateResult({
      result: {
        data: {
          dashboardUpdated: { __typename: 'OrganizationDashboard', organizationId: 'org-acme', asOf: '2026-12-07T10:05:00.000Z', figures: figures({ completions: 10, completionRate: 0.5 }) },
        },
      },
    });
    await settle();
    expect(screen.wrapper.find('[data-testid="dashboard-figures"]').text()).toContain('Completion rate50 %');
  });

  it('shows a team’s figures when a team is chosen', async () => {
    screen = await mountScreen(AnalyticsPage, {
      path: '/analytics',
      mocks: [
        ...mocks,
        {
          query: TeamDashboardDocument,
          variables: { teamId: 'team-red' },
          data: {
            team: {
              __typename: 'Team',
              id: 'team-red',
              name: 'Red team',
              dashboard: { __typename: 'TeamDashboard', teamsIncluded: 1, figures: figures({ members: 3 }), weeklyTrend: [] },
            },
          },
        },
      ],
    });
    await screen.wrapper.find('#analytics-scope').setValue('team-red');
    await settle();
    expect(screen.wrapper.find('[data-testid="dashboard-figures"]').text()).toContain('Members3');
    expect(screen.wrapper.text()).toContain('Export report of Red team');
  });

  it('exports the organization report in the chosen format as a download', async () => {
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    screen = await mountScreen(AnalyticsPage, {
      path: '/analytics',
      mocks: [
        ...mocks,
        {
          query: ExportReportDocument,
          data: {
            exportReport: {
              __typename: 'ExportReportPayload',
              report: { __typename: 'ExportedReport', fileName: 'organization-org-acme.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: btoa('PK'), rows: 12 },
            },
          },
        },
      ],
    });
    await screen.wrapper.find('#report-format').setValue('XLSX');
    await screen.wrapper.findAll('button').find((button) => button.text() === 'Export organization report')!.trigger('click');
    await settle();
    expect(screen.sentVariables('ExportReport')).toEqual([{ input: { scope: 'ORGANIZATION', format: 'XLSX' } }]);
    expect(saved).toEqual(['organization-org-acme.xlsx']);
    expect(screen.wrapper.text()).toContain('Downloaded organization-org-acme.xlsx (12 rows).');
    click.mockRestore();
  });

  it('shows the graph’s FORBIDDEN to a trainee', async () => {
    screen = await mountScreen(AnalyticsPage, {
      path: '/analytics',
      mocks: [
        { query: OrganizationDashboardDocument, data: null, errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] },
        { query: CourseCompletionDocument, data: courses },
        { query: OrganizationTeamsDocument, data: teams },
      ],
    });
    expect(screen.wrapper.find('[role="alert"]').text()).toContain('You are not allowed to do this.');
  });
});
