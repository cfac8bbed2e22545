import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuditEventsDocument, ExportAuditEventsDocument, SecurityAlertsDocument, VerifyAuditTrailDocument } from '@gql';
import { mountScreen, settle, type GraphMock, type MountedScreen } from '../testing';
import AuditLogPage from './AuditLogPage.vue';

function record(seq: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'AuditEvent',
    id: `rec-${seq}`,
    time: '2026-12-07T10:00:00.000Z',
    service: 'identity',
    actor: 'u-manager',
    actorKind: 'PERSON',
    actorName: null,
    organizationId: 'org-acme',
    action: 'mutation.changeMemberRole',
    resourceType: 'User',
    resourceId: 'u-tina',
    outcome: 'SUCCESS',
    errorCode: null,
    detail: null,
    changes: [{ __typename: 'AuditChange', field: 'role', value: 'MANAGER' }],
    clientIp: '10.0.0.7',
    requestId: 'req-1',
    seq,
    ...overrides,
  };
}

function page(records: unknown[], hasNextPage: boolean, endCursor: string) {
  return {
    auditEvents: {
      __typename: 'AuditEventConnection',
      totalCount: 30,
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      edges: records.map((node) => ({ __typename: 'AuditEventEdge', node })),
    },
  };
}

const alerts = {
  securityAlerts: {
    __typename: 'SecurityAlertConnection',
    totalCount: 1,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'a1' },
    edges: [
      {
        __typename: 'SecurityAlertEdge',
        node: {
          __typename: 'SecurityAlert',
          id: 'alert-1',
          kind: 'ROLE_GRANTED_MANAGER',
          organizationId: 'org-acme',
          subject: 'u-tina',
          count: 1,
          windowStart: '2026-12-07T10:00:00.000Z',
          raisedAt: '2026-12-07T10:00:01.000Z',
          summary: 'Tina Trainee was made manager',
          recordId: 'rec-2',
        },
      },
    ],
  },
};

const mocks: GraphMock[] = [
  { query: AuditEventsDocument, data: (variables) => (variables.after === 'p1' ? page([record(1)], false, 'p2') : page([record(2, { outcome: 'DENIED', errorCode: 'FORBIDDEN', actor: null, actorKind: 'ANONYMOUS' })], true, 'p1')) },
  { query: SecurityAlertsDocument, data: alerts },
];

let screen: MountedScreen | undefined;
afterEach(() => screen?.wrapper.unmount());
beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
});

describe('the audit log page', () => {
  it('shows each record’s time, actor, action, resource, outcome and client address', async () => {
    screen = await mountScreen(AuditLogPage, { path: '/audit', mocks });
    const row = screen.wrapper.find('[data-testid="audit-events"] tbody tr');
    expect(row.text()).toContain('Anonymous');
    expect(row.text()).toContain('mutation.changeMemberRole');
    expect(row.text()).toContain('User u-tina');
    expect(row.text()).toContain('Denied');
    expect(row.text()).toContain('FORBIDDEN');
    expect(row.text()).toContain('10.0.0.7');
    expect(row.find('time').attributes('datetime')).toBe('2026-12-07T10:00:00.000Z');
  });

  it('sends the filter as typed, from the first page', async () => {
    screen = await mountScreen(AuditLogPage, { path: '/audit', mocks });
    await screen.wrapper.find('#audit-actor').setValue('u-manager');
    await screen.wrapper.find('#audit-outcome').setValue('FAILURE');
    await screen.wrapper.find('#audit-from').setValue('2026-12-01T08:00');
    await screen.wrapper.find('form[role="search"]').trigger('submit');
    await settle();
    expect(screen.sentVariables('AuditEvents').at(-1)).toEqual({
      filter: { actor: 'u-manager', outcome: 'FAILURE', from: new Date(2026, 11, 1, 8, 0).toISOString() },
      first: 25,
    });
  });

  it('pages forward by cursor and back again', async () => {
    screen = await mountScreen(AuditLogPage, { path: '/audit', mocks });
    const button = (name: string) => screen!.wrapper.findAll('button').find((candidate) => candidate.text() === name)!;
    expect(button('Previous page').attributes('disabled')).toBeDefined();
    await button('Next page').trigger('click');
    await settle();
    expect(screen.sentVariables('AuditEvents').at(-1)).toEqual({ first: 25, after: 'p1' });
    expect(screen.wrapper.find('caption').text()).toContain('page 2');
    expect(button('Next page').attributes('disabled')).toBeDefined();
    await button('Previous page').trigger('click');
    await settle();
    expect(screen.wrapper.find('caption').text()).toContain('page 1');
  });

  it('verifies the trail and says it is intact, or names the first problem', async () => {
    screen = await mountScreen(AuditLogPage, {
      path: '/audit',
      mocks: [
        ...mocks,
        {
          query: VerifyAuditTrailDocument,
          times: 1,
          data: { verifyAuditTrail: { __typename: 'AuditTrailVerification', organizationId: 'org-acme', intact: true, checkedRecords: 30, firstProblem: null } },
        },
        {
          query: VerifyAuditTrailDocument,
          data: {
            verifyAuditTrail: {
              __typename: 'AuditTrailVerification',
              organizationId: 'org-acme',
              intact: false,
              checkedRecords: 12,
              firstProblem: { __typename: 'AuditTrailProblem', seq: 12, recordId: 'rec-12', kind: 'ALTERED', detail: 'hash does not match' },
            },
          },
        },
      ],
    });
    const verify = screen.wrapper.findAll('button').find((candidate) => candidate.text() === 'Verify trail')!;
    await verify.trigger('click');
    await settle();
    expect(screen.wrapper.find('[data-testid="trail-verification"]').text()).toBe('The trail is intact: 30 records checked.');
    await verify.trigger('click');
    await settle();
    const problem = screen.wrapper.find('[data-testid="trail-verification"]').text();
    expect(problem).toContain('A record was altered');
    expect(problem).toContain('at position 12');
    expect(problem).toContain('hash does not match');
  });

  it('exports the filtered records as a file the browser downloads', async () => {
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    screen = await mountScreen(AuditLogPage, {
      path: '/audit',
      mocks: [
        ...mocks,
        {
          query: ExportAuditEventsDocument,
          data: {
            exportAuditEvents: {
              __typename: 'ExportAuditEventsPayload',
              export: {
                __typename: 'ExportedAuditEvents',
                fileName: 'audit-org-acme-2026-12-07.jsonl',
                contentType: 'application/x-ndjson',
                contentBase64: btoa('{"seq":1}\n'),
                rows: 1,
                generatedAt: '2026-12-07T10:00:00.000Z',
              },
            },
          },
        },
      ],
    });
    await screen.wrapper.find('#audit-action').setValue('mutation.changeMemberRole');
    await screen.wrapper.find('form[role="search"]').trigger('submit');
    await settle();
    await screen.wrapper.findAll('button').find((candidate) => candidate.text() === 'Export records')!.trigger('click');
    await settle();
    expect(screen.sentVariables('ExportAuditEvents')).toEqual([{ input: { format: 'JSON_LINES', filter: { action: 'mutation.changeMemberRole' } } }]);
    expect(clicks).toEqual(['audit-org-acme-2026-12-07.jsonl']);
    expect(screen.wrapper.text()).toContain('Downloaded audit-org-acme-2026-12-07.jsonl (one record).');
    click.mockRestore();
  });

  it('lists the security alerts raised from the trail', async () => {
    screen = await mountScreen(AuditLogPage, { path: '/audit', mocks });
    const list = screen.wrapper.find('[data-testid="security-alerts"]');
    expect(list.text()).toContain('A member was made manager');
    expect(list.text()).toContain('Tina Trainee was made manager');
  });
});
