import { afterEach, describe, expect, it } from 'vitest';
import { OrganizationTeamsDocument, TeamProgressDocument } from '@gql';
import { mountScreen, settle, type MountedScreen } from '../testing';
import TeamProgressPage from './TeamProgressPage.vue';

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
        edges: [
          {
            __typename: 'TeamEdge',
            node: {
              __typename: 'Team',
              id: 'team-red',
              name: 'Red team',
              parent: null,
              progress: { __typename: 'TeamProgress', members: 1, enrolledMembers: 1, enrollments: 1, completed: 0, overdue: 1, averagePercent: 25 },
            },
          },
        ],
      },
    },
  },
};

function progress(percent: number, status: string, completedCubes = 1) {
  return { __typename: 'Progress', percent, completedCubes, totalCubes: 4, status, lastActivityAt: null };
}

const members = {
  members: {
    __typename: 'UserConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
    edges: [
      {
        __typename: 'UserEdge',
        node: {
          __typename: 'User',
          id: 'u-tina',
          displayName: 'Tina Trainee',
          status: 'ACTIVE',
          enrollments: {
            __typename: 'EnrollmentConnection',
            totalCount: 1,
            edges: [
              {
                __typename: 'EnrollmentEdge',
                node: {
                  __typename: 'Enrollment',
                  id: 'enr-1',
                  dueAt: '2027-06-30T21:59:59.000Z',
                  course: { __typename: 'Course', id: 'course-linux', title: 'Linux basics' },
                  progress: progress(25, 'ON_TRACK'),
                },
              },
            ],
          },
        },
      },
      {
        __typename: 'UserEdge',
        node: {
          __typename: 'User',
          id: 'u-otto',
          displayName: 'Otto Overdue',
          status: 'ACTIVE',
          enrollments: {
            __typename: 'EnrollmentConnection',
            totalCount: 1,
            edges: [
              {
                __typename: 'EnrollmentEdge',
                node: {
                  __typename: 'Enrollment',
                  id: 'enr-2',
                  dueAt: '2026-01-31T22:59:59.000Z',
                  course: { __typename: 'Course', id: 'course-phish', title: 'Phishing' },
                  progress: progress(10, 'OVERDUE'),
                },
              },
            ],
          },
        },
      },
    ],
  },
};

function progressBar(screen: MountedScreen, name: string) {
  return screen.wrapper.find(`[role="progressbar"][aria-label="${name}"]`);
}

let screen: MountedScreen | undefined;
afterEach(() => screen?.wrapper.unmount());

describe('the team progress page', () => {
  it('lists the members with a progress bar per course and marks overdue training', async () => {
    screen = await mountScreen(TeamProgressPage, {
      path: '/team',
      mocks: [
        { query: OrganizationTeamsDocument, data: teams },
        { query: TeamProgressDocument, data: members },
      ],
    });
    expect(screen.wrapper.find('h1').text()).toBe('Team progress');
    expect(progressBar(screen, 'Progress of Tina Trainee in Linux basics').attributes('aria-valuenow')).toBe('25');
    const otto = screen.wrapper.find('[data-member="u-otto"]');
    expect(otto.find('.row--overdue').exists()).toBe(true);
    expect(otto.text()).toContain('Overdue since');
  });

  it('moves a member’s progress bar when progressUpdated pushes their enrollment, without reloading', async () => {
    screen = await mountScreen(TeamProgressPage, {
      path: '/team',
      mocks: [
        { query: OrganizationTeamsDocument, data: teams },
        { query: TeamProgressDocument, data: members },
      ],
    });
    const queriesBefore = screen.sent.length;
    screen.subscriptions.simulateResult({
      result: {
        data: {
          progressUpdated: {
            __typename: 'Enrollment',
            id: 'enr-1',
            user: { __typename: 'User', id: 'u-tina', displayName: 'Tina Trainee' },
            course: { __typename: 'Course', id: 'course-linux', title: 'Linux basics' },
            progress: { ...progress(50, 'ON_TRACK', 2), score: null, completedAt: null, lastActivityAt: '2026-12-07T10:00:00.000Z' },
          },
        },
      },
    });
    await settle();
    expect(progressBar(screen, 'Progress of Tina Trainee in Linux basics').attributes('aria-valuenow')).toBe('50');
    expect(screen.wrapper.find('[data-testid="live-status"]').text()).toContain('last change');
    expect(screen.sent.length).toBe(queriesBefore);
  });

  it('adds a course a member just started, pushed by progressUpdated', async () => {
    screen = await mountScreen(TeamProgressPage, {
      path: '/team',
      mocks: [
        { query: OrganizationTeamsDocument, data: teams },
        { query: TeamProgressDocument, data: members },
      ],
    });
    screen.subscriptions.simulateResult({
      result: {
        data: {
          progressUpdated: {
            __typename: 'Enrollment',
            id: 'enr-3',
            user: { __typename: 'User', id: 'u-tina', displayName: 'Tina Trainee' },
            course: { __typename: 'Course', id: 'course-net', title: 'Network defense' },
            progress: { ...progress(0, 'ON_TRACK', 0), score: null, completedAt: null },
          },
        },
      },
    });
    await settle();
    expect(progressBar(screen, 'Progress of Tina Trainee in Network defense').exists()).toBe(true);
  });

  it('asks the graph for one team’s members when a team is chosen, and shows that team’s figures', async () => {
    screen = await mountScreen(TeamProgressPage, {
      path: '/team',
      mocks: [
        { query: OrganizationTeamsDocument, data: teams },
        { query: TeamProgressDocument, data: members },
      ],
    });
    await screen.wrapper.find('select#team-filter').setValue('team-red');
    await settle();
    expect(screen.router.currentRoute.value.query.team).toBe('team-red');
    expect(screen.sentVariables('TeamProgress').at(-1)).toEqual({ filter: { teamId: 'team-red' } });
    expect(screen.wrapper.find('h2').text()).toBe('Figures of Red team');
    expect(screen.wrapper.find('[data-testid="team-figures"]').text()).toContain('Overdue1');
  });

  it('shows the graph’s FORBIDDEN to someone who is not a manager', async () => {
    screen = await mountScreen(TeamProgressPage, {
      path: '/team',
      mocks: [
        { query: OrganizationTeamsDocument, data: teams },
        { query: TeamProgressDocument, data: { members: null }, errors: [{ message: 'Managers only', extensions: { code: 'FORBIDDEN' } }] },
      ],
    });
    expect(screen.wrapper.find('[role="alert"]').text()).toContain('You are not allowed to do this.');
  });

  it('says so when the organization has no members', async () => {
    screen = await mountScreen(TeamProgressPage, {
      path: '/team',
      mocks: [
        { query: OrganizationTeamsDocument, data: teams },
        { query: TeamProgressDocument, data: { members: { ...members.members, totalCount: 0, edges: [] } } },
      ],
    });
    expect(screen.wrapper.text()).toContain('Your organization has no members yet.');
  });

  it('says live updates are off when the graph refuses the stream', async () => {
    screen = await mountScreen(TeamProgressPage, {
      path: '/team',
      mocks: [
        { query: OrganizationTeamsDocument, data: teams },
        { query: TeamProgressDocument, data: members },
      ],
    });
    screen.subscriptions.simulateResult({ result: { data: null, errors: [{ message: 'not yours', extensions: { code: 'NOT_FOUND' } }] as never } });
    await settle();
    expect(screen.wrapper.find('[data-testid="live-status"]').text()).toContain('Live updates are paused');
    expect(screen.wrapper.find('[role="alert"]').attributes('data-code')).toBe('NOT_FOUND');
  });
});
