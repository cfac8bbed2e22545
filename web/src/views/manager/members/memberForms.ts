import type { InviteMemberInput, MemberFilter, Role, UserStatus } from '@gql';

/** The roles a manager can give (ROOT is the platform operator's, never granted here). */
export const ASSIGNABLE_ROLES: readonly Role[] = ['TRAINEE', 'MANAGER'];
export const MEMBER_STATUSES: readonly UserStatus[] = ['ACTIVE', 'INVITED', 'DEACTIVATED'];

export interface InviteForm {
  email: string;
  role: Role;
  /** One team to join, or empty. */
  teamId: string;
}

export interface InviteProblems {
  email?: 'emailMissing' | 'emailInvalid';
}

export function emptyInviteForm(): InviteForm {
  return { email: '', role: 'TRAINEE', teamId: '' };
}

// Just the shape (something@domain.tld): the graph and Keycloak decide the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateInviteForm(form: InviteForm): InviteProblems {
  const email = form.email.trim();
  if (!email) return { email: 'emailMissing' };
  if (!EMAIL.test(email)) return { email: 'emailInvalid' };
  return {};
}

export function inviteMemberInput(form: InviteForm): InviteMemberInput {
  return {
    email: form.email.trim(),
    role: form.role,
    ...(form.teamId ? { teamIds: [form.teamId] } : {}),
  };
}

/** The members query's filter from the page's two selects (empty: any). */
export function memberFilter(role: Role | '', status: UserStatus | ''): MemberFilter | undefined {
  const filter: MemberFilter = {};
  if (role) filter.role = role;
  if (status) filter.status = status;
  return Object.keys(filter).length > 0 ? filter : undefined;
}
