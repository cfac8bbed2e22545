import { describe, expect, it } from 'vitest';
import { auditEventFilter, auditFilterProblems, emptyAuditFilterForm } from './auditFilter';

describe('the audit filter', () => {
  it('asks for everything when nothing is filled in', () => {
    expect(auditEventFilter(emptyAuditFilterForm())).toBeUndefined();
  });

  it('sends every field filled in, trimmed, and leaves out the empty ones', () => {
    expect(
      auditEventFilter({ ...emptyAuditFilterForm(), actor: ' u-tina ', action: 'mutation.changeMemberRole', resourceType: '', outcome: 'DENIED' }),
    ).toEqual({ actor: 'u-tina', action: 'mutation.changeMemberRole', outcome: 'DENIED' });
  });

  it('sends the resource by type and id', () => {
    expect(auditEventFilter({ ...emptyAuditFilterForm(), resourceType: 'User', resourceId: 'u-otto' })).toEqual({ resourceType: 'User', resourceId: 'u-otto' });
  });

  it('turns the period typed in local time into UTC instants', () => {
    const filter = auditEventFilter({ ...emptyAuditFilterForm(), from: '2026-12-01T08:00', to: '2026-12-07T18:30' });
    expect(filter).toEqual({
      from: new Date(2026, 11, 1, 8, 0).toISOString(),
      to: new Date(2026, 11, 7, 18, 30).toISOString(),
    });
  });

  it('refuses a period that ends before it starts', () => {
    expect(auditFilterProblems({ ...emptyAuditFilterForm(), from: '2026-12-07T10:00', to: '2026-12-01T10:00' })).toEqual({ to: 'toBeforeFrom' });
    expect(auditFilterProblems({ ...emptyAuditFilterForm(), from: 'yesterday' })).toEqual({ from: 'timeInvalid' });
    expect(auditFilterProblems({ ...emptyAuditFilterForm(), from: '2026-12-01T10:00', to: '2026-12-07T10:00' })).toEqual({});
  });
});
