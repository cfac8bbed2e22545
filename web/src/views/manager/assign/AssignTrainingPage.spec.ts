import { afterEach, describe, expect, it } from 'vitest';
import { AssignTrainingChoicesDocument, AssignTrainingDocument, OrganizationTeamsDocument } from '@gql';
import { mountScreen, settle, type GraphMock, type MountedScreen } from '../testing';
import AssignTrainingPage from './AssignTrainingPage.vue';

const choices = {
  courses: {
    __typename: 'CourseConnection',
    totalCount: 1,
    edges: [{ __typename: 'CourseEdge', node: { __typename: 'Course', id: 'course-linux', title: 'Linux basics' } }],
  },
  members: {
    __typename: 'UserConnection',
    totalCount: 2,
    edges: [
      { __typename: 'UserEdge', node: { __typename: 'User', id: 'u-tina', displayName: 'Tina Trainee', email: 'trainee@acme.test', status: 'ACTIVE' } },
      { __typename: 'UserEdge', node: { __typename: 'User', id: 'u-gone', displayName: 'Gone Person', email: 'gone@acme.test', status: 'DEACTIVATED' } },
    ],
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
const assigned = {
  assignTraining: {
    __typename: 'AssignTrainingPayload',
    newEnrollments: 1,
    assignment: {
      __typename: 'Assignment',
      id: 'asg-1',
      dueAt: '2027-03-15T22:59:59.000Z',
      assignedAt: '2026-12-07T10:00:00.000Z',
      course: { __typename: 'Course', id: 'course-linux', title: 'Linux basics' },
      users: [{ __typename: 'User', id: 'u-tina', displayName: 'Tina Trainee' }],
      teams: [],
    },
  },
};

const baseMocks: GraphMock[] = [
  { query: AssignTrainingChoicesDocument, data: choices },
  { query: OrganizationTeamsDocument, data: teams },
];

let screen: MountedScreen | undefined;
afterEach(() => screen?.wrapper.unmount());

async function fillIn(current: MountedScreen, dueDate: string) {
  await current.wrapper.find('select#assign-course').setValue('course-linux');
  await current.wrapper.find('input[type="checkbox"][value="u-tina"]').setValue(true);
  await current.wrapper.find('input#assign-due').setValue(dueDate);
}

describe('the assign-training page', () => {
  it('offers the published courses, the members still active and the teams', async () => {
    screen = await mountScreen(AssignTrainingPage, { path: '/assign', mocks: baseMocks });
    expect(screen.wrapper.find('label[for="assign-course"]').text()).toBe('Course');
    expect(screen.wrapper.find('select#assign-course').text()).toContain('Linux basics');
    expect(screen.wrapper.text()).toContain('Tina Trainee');
    expect(screen.wrapper.text()).not.toContain('Gone Person');
    expect(screen.wrapper.text()).toContain('Red team');
    expect(screen.wrapper.find('label[for="assign-due"]').text()).toBe('Due date');
  });

  it('says what is missing and sends nothing when the form is incomplete', async () => {
    screen = await mountScreen(AssignTrainingPage, { path: '/assign', mocks: [...baseMocks, { query: AssignTrainingDocument, data: assigned }] });
    await screen.wrapper.find('form').trigger('submit');
    await settle();
    const text = screen.wrapper.text();
    expect(text).toContain('Choose the course to assign.');
    expect(text).toContain('Choose at least one member or team.');
    expect(text).toContain('Enter the date by which the training is due.');
    expect(screen.wrapper.find('select#assign-course').attributes('aria-invalid')).toBe('true');
    expect(screen.sentVariables('AssignTraining')).toHaveLength(0);
  });

  it('assigns the course with the due date and confirms what was assigned to whom', async () => {
    screen = await mountScreen(AssignTrainingPage, { path: '/assign', mocks: [...baseMocks, { query: AssignTrainingDocument, data: assigned }] });
    await fillIn(screen, '2027-03-15');
    await screen.wrapper.find('form').trigger('submit');
    await settle();
    expect(screen.sentVariables('AssignTraining')).toEqual([
      { input: { courseId: 'course-linux', userIds: ['u-tina'], dueAt: new Date(2027, 2, 15, 23, 59, 59).toISOString() } },
    ]);
    const confirmation = screen.wrapper.find('[data-testid="assignment-confirmation"]');
    expect(confirmation.text()).toContain('Training assigned');
    expect(confirmation.text()).toContain('Linux basics is due on');
    expect(confirmation.text()).toContain('Members: Tina Trainee');
    expect(confirmation.text()).toContain('One new enrollment.');
  });

  it('shows the graph’s refusal of a due date in the past, in its own words', async () => {
    screen = await mountScreen(AssignTrainingPage, {
      path: '/assign',
      mocks: [
        ...baseMocks,
        { query: AssignTrainingDocument, data: null, errors: [{ message: 'dueAt must be in the future', extensions: { code: 'BAD_USER_INPUT' } }] },
      ],
    });
    await fillIn(screen, '2001-01-01');
    await screen.wrapper.find('form').trigger('submit');
    await settle();
    const alert = screen.wrapper.find('[role="alert"]');
    expect(alert.attributes('data-code')).toBe('BAD_USER_INPUT');
    expect(alert.text()).toContain('dueAt must be in the future');
    expect(screen.wrapper.find('[data-testid="assignment-confirmation"]').exists()).toBe(false);
  });

  it('starts with the team of the link it was opened from', async () => {
    screen = await mountScreen(AssignTrainingPage, { path: '/assign?team=team-red', mocks: baseMocks });
    expect((screen.wrapper.find('input[type="checkbox"][value="team-red"]').element as HTMLInputElement).checked).toBe(true);
  });
});
