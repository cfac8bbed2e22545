import { describe, expect, it } from 'vitest';
import { TraineeDashboardDocument } from '@gql';
import { mountScreen, settle } from './testSupport';
import { ENROLLMENT, READING, progress } from './testFixtures';
import TraineeDashboard from './TraineeDashboard.vue';

function dashboard(enrollmentIds: string[]) {
  return {
    request: { query: TraineeDashboardDocument, variables: { first: 20 } },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u-adam',
          displayName: 'Adam Trainee',
          organization: { __typename: 'Organization', id: 'org-acme', name: 'Acme' },
          teams: [],
          enrollments: {
            __typename: 'EnrollmentConnection',
            totalCount: enrollmentIds.length,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: enrollmentIds.map((id) => ({
              __typename: 'EnrollmentEdge',
              node: {
                __typename: 'Enrollment',
                id,
                source: 'SELF',
                dueAt: null,
                progress: (({ cubes: _cubes, completedAt: _completedAt, ...rest }) => rest)(progress([])),
                course: { __typename: 'Course', id: `course-of-${id}`, title: `Course of ${id}`, level: 'BEGINNER', estimatedMinutes: 60 },
              },
            })),
          },
          certificates: [],
          activeLabs: [
            {
              __typename: 'LabInstance',
              id: 'lab-1',
              state: 'PROVISIONING',
              expiresAt: '2026-03-02T11:00:00Z',
              template: { __typename: 'LabTemplate', id: 'tmpl-kali-ssh', name: 'Kali Linux attack box' },
            },
          ],
        },
      },
    },
  };
}

describe('the trainee dashboard', () => {
  it('shows each running lab by its template’s name, its state in words, and links to its console', async () => {
    const { wrapper } = await mountScreen(TraineeDashboard, { mocks: [dashboard([ENROLLMENT])] });

    const link = wrapper.findAll('a').find((candidate) => candidate.text() === 'Kali Linux attack box');
    expect(link?.attributes('href')).toBe('/labs/lab-1');
    expect(wrapper.get('[data-testid="active-lab-state-lab-1"]').text()).toBe('Provisioning');
  });

  it('shows the status of each enrollment in words', async () => {
    const { wrapper } = await mountScreen(TraineeDashboard, { mocks: [dashboard([ENROLLMENT])] });

    expect(wrapper.get('[data-testid="enrollments"]').text()).toContain('On track');
  });

  it('moves a progress bar when the graph pushes new progress', async () => {
    const { wrapper, subscriptions } = await mountScreen(TraineeDashboard, { mocks: [dashboard([ENROLLMENT])] });

    subscriptions.simulateResult({
      result: { data: { progressUpdated: { __typename: 'Enrollment', id: ENROLLMENT, dueAt: null, progress: progress([READING]) } } },
    });
    await settle();

    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuenow')).toBe('33');
    expect(wrapper.text()).toContain('1 of 3 cubes');
  });

  it('reloads the list when progress arrives for an enrollment it does not show yet (a course just assigned)', async () => {
    const { wrapper, subscriptions, sent } = await mountScreen(TraineeDashboard, {
      mocks: [dashboard([ENROLLMENT]), dashboard([ENROLLMENT, 'enrollment-2'])],
    });

    subscriptions.simulateResult({
      result: { data: { progressUpdated: { __typename: 'Enrollment', id: 'enrollment-2', dueAt: null, progress: progress([]) } } },
    });
    await settle();

    expect(sent.filter((operation) => operation.name === 'TraineeDashboard')).toHaveLength(2);
    expect(wrapper.findAll('[role="progressbar"]')).toHaveLength(2);
  });
});
