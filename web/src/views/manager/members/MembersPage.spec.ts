import { afterEach, describe, expect, it } from 'vitest';
import {
  ChangeMemberRoleDocument,
  DeactivateMemberDocument,
  InviteMemberDocument,
  MembersDocument,
  OrganizationTeamsDocument,
  PendingInvitationsDocument,
} from '@gql';
import { mountScreen, settle, type GraphMock, type MountedScreen } from '../testing';
import MembersPage from './MembersPage.vue';
import { memberFilter, validateInviteForm } from './memberForms';

const member = (id: string, displayName: string, role: string, status = 'ACTIVE') => ({
  __typename: 'User',
  id,
  displayName,
  email: `${id}@acme.test`,
  role,
  status,
  teams: [{ __typename: 'Team', id: 'team-red', name: 'Red team' }],
});

const members = {
  members: {
    __typename: 'UserConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
    edges: [member('u-mia', 'Mia Manager', 'MANAGER'), member('u-tina', 'Tina Trainee', 'TRAINEE')].map((node) => ({ __typename: 'UserEdge', node })),
  },
};

const noInvitations = { invitations: { __typename: 'InvitationConnection', totalCount: 0, edges: [] } };
const teams = {
  me: {
    __typename: 'User',
    id: 'u-mia',
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
  { query: MembersDocument, data: members },
  { query: PendingInvitationsDocument, data: noInvitations },
  { query: OrganizationTeamsDocument, data: teams },
];

let screen: MountedScreen | undefined;
afterEach(() => screen?.wrapper.unmount());

function button(current: MountedScreen, name: string) {
  const found = current.wrapper.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text().trim()) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

describe('the invitation form', () => {
  it('needs an e-mail address shaped like one', () => {
    expect(validateInviteForm({ email: ' ', role: 'TRAINEE', teamId: '' })).toEqual({ email: 'emailMissing' });
    expect(validateInviteForm({ email: 'tina', role: 'TRAINEE', teamId: '' })).toEqual({ email: 'emailInvalid' });
    expect(validateInviteForm({ email: 'tina@acme.test', role: 'TRAINEE', teamId: '' })).toEqual({});
  });

  it('filters members by role and status only when chosen', () => {
    expect(memberFilter('', '')).toBeUndefined();
    expect(memberFilter('MANAGER', '')).toEqual({ role: 'MANAGER' });
    expect(memberFilter('', 'INVITED')).toEqual({ status: 'INVITED' });
  });
});

describe('the members page', () => {
  it('lists the members with role, status and teams', async () => {
    screen = await mountScreen(MembersPage, { path: '/members', mocks });
    const row = screen.wrapper.find('[data-member="u-tina"]');
    expect(row.text()).toContain('Tina Trainee');
    expect(row.text()).toContain('u-tina@acme.test');
    expect(row.text()).toContain('Trainee');
    expect(row.text()).toContain('Active');
    expect(row.text()).toContain('Red team');
    expect(screen.wrapper.text()).toContain('No invitations are waiting.');
  });

  it('invites a person by e-mail with a role and a team, and confirms it', async () => {
    screen = await mountScreen(MembersPage, {
      path: '/members',
      mocks: [
        ...mocks,
        {
          query: InviteMemberDocument,
          data: {
            inviteMember: {
              __typename: 'InviteMemberPayload',
              invitation: {
                __typename: 'Invitation',
                id: 'inv-1',
                email: 'nora@acme.test',
                role: 'MANAGER',
                status: 'PENDING',
                createdAt: '2026-12-07T10:00:00.000Z',
                expiresAt: '2026-12-14T10:00:00.000Z',
                user: member('u-nora', 'nora@acme.test', 'MANAGER', 'INVITED'),
              },
            },
          },
        },
      ],
    });
    await screen.wrapper.find('#invite-email').setValue('nora@acme.test');
    await screen.wrapper.find('#invite-role').setValue('MANAGER');
    await screen.wrapper.find('#invite-team').setValue('team-red');
    await button(screen, 'Send invitation').trigger('click');
    await settle();
    expect(screen.sentVariables('InviteMember')).toEqual([{ input: { email: 'nora@acme.test', role: 'MANAGER', teamIds: ['team-red'] } }]);
    expect(screen.wrapper.text()).toContain('Invitation sent to nora@acme.test.');
  });

  it('shows the graph’s CONFLICT when the address already belongs to someone', async () => {
    screen = await mountScreen(MembersPage, {
      path: '/members',
      mocks: [...mocks, { query: InviteMemberDocument, data: null, errors: [{ message: 'This e-mail already belongs to a user', extensions: { code: 'CONFLICT' } }] }],
    });
    await screen.wrapper.find('#invite-email').setValue('tina@acme.test');
    await screen.wrapper.find('form').trigger('submit');
    await settle();
    expect(screen.wrapper.find('[role="alert"]').text()).toContain('This e-mail already belongs to a user');
  });

  it('changes a role only after confirmation', async () => {
    screen = await mountScreen(MembersPage, {
      path: '/members',
      mocks: [...mocks, { query: ChangeMemberRoleDocument, data: { changeMemberRole: { __typename: 'ChangeMemberRolePayload', user: { __typename: 'User', id: 'u-tina', role: 'MANAGER' } } } }],
    });
    await button(screen, 'Change role of Tina Trainee').trigger('click');
    await settle();
    const dialog = screen.wrapper.find('dialog[open]');
    expect(dialog.find('h2').text()).toBe('Change the role of Tina Trainee');
    expect((dialog.find('select#new-role').element as HTMLSelectElement).value).toBe('MANAGER');
    expect(screen.sentVariables('ChangeMemberRole')).toHaveLength(0);
    await dialog.findAll('button').find((candidate) => candidate.text() === 'Change role')!.trigger('click');
    await settle();
    expect(screen.sentVariables('ChangeMemberRole')).toEqual([{ input: { userId: 'u-tina', role: 'MANAGER' } }]);
    expect(screen.wrapper.find('[data-member="u-tina"]').text()).toContain('Manager');
    expect(screen.wrapper.text()).toContain('Tina Trainee is now Manager.');
  });

  it('keeps the dialog open with the graph’s reason when deactivating the last manager is refused', async () => {
    screen = await mountScreen(MembersPage, {
      path: '/members',
      mocks: [...mocks, { query: DeactivateMemberDocument, data: null, errors: [{ message: 'The last active manager cannot be deactivated', extensions: { code: 'CONFLICT' } }] }],
    });
    await button(screen, 'Deactivate Mia Manager').trigger('click');
    await settle();
    const dialog = screen.wrapper.find('dialog[open]');
    await dialog.findAll('button').find((candidate) => candidate.text() === 'Deactivate')!.trigger('click');
    await settle();
    expect(screen.sentVariables('DeactivateMember')).toEqual([{ input: { userId: 'u-mia' } }]);
    expect(screen.wrapper.find('dialog[open] [role="alert"]').text()).toContain('The last active manager cannot be deactivated');
  });

  it('deactivates a member after confirmation', async () => {
    screen = await mountScreen(MembersPage, {
      path: '/members',
      mocks: [...mocks, { query: DeactivateMemberDocument, data: { deactivateMember: { __typename: 'DeactivateMemberPayload', user: { __typename: 'User', id: 'u-tina', status: 'DEACTIVATED' } } } }],
    });
    await button(screen, 'Deactivate Tina Trainee').trigger('click');
    await settle();
    await screen.wrapper.find('dialog[open]').findAll('button').find((candidate) => candidate.text() === 'Deactivate')!.trigger('click');
    await settle();
    expect(screen.wrapper.find('dialog[open]').exists()).toBe(false);
    expect(screen.wrapper.find('[data-member="u-tina"]').text()).toContain('Deactivated');
    expect(screen.wrapper.find('[data-member="u-tina"]').findAll('button')).toHaveLength(0);
  });
});
