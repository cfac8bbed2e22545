import { describe, expect, it } from 'vitest';
import { crossedMilestone, extensionMinutes, formatRemaining, isSafeHttpUrl, labActions, type LabLike } from './labRules';

const NOW = Date.parse('2026-03-02T10:00:00Z');

function lab(overrides: Partial<LabLike> = {}): LabLike {
  return {
    state: 'RUNNING',
    connectionUrl: 'https://guacamole.example/#/client/abc',
    requestedAt: '2026-03-02T09:30:00Z',
    expiresAt: '2026-03-02T10:30:00Z',
    template: { maxLifetimeMinutes: 240 },
    ...overrides,
  };
}

describe('what the lab console lets the trainee do', () => {
  it('offers only a launch when there is no lab', () => {
    expect(labActions(null, NOW)).toEqual({ launch: true, connect: false, extend: false, terminate: false });
  });

  it('lets a running lab be opened, extended and ended, but not launched again', () => {
    expect(labActions(lab(), NOW)).toEqual({ launch: false, connect: true, extend: true, terminate: true });
  });

  it('lets a lab that is still starting be extended or ended, not opened', () => {
    for (const state of ['REQUESTED', 'PROVISIONING'] as const) {
      expect(labActions(lab({ state, connectionUrl: null }), NOW)).toEqual({ launch: false, connect: false, extend: true, terminate: true });
    }
  });

  it('offers nothing while the lab is stopping', () => {
    expect(labActions(lab({ state: 'STOPPING', connectionUrl: null }), NOW)).toEqual({ launch: false, connect: false, extend: false, terminate: false });
  });

  it('offers a new launch once the lab ended, failed or expired', () => {
    for (const state of ['TERMINATED', 'FAILED', 'EXPIRED'] as const) {
      expect(labActions(lab({ state, connectionUrl: null }), NOW)).toEqual({ launch: true, connect: false, extend: false, terminate: false });
    }
  });

  it('does not open a running lab without a connection address, or one that is not a web address', () => {
    expect(labActions(lab({ connectionUrl: null }), NOW).connect).toBe(false);
    expect(labActions(lab({ connectionUrl: 'javascript:alert(1)' }), NOW).connect).toBe(false);
  });

  it('does not open or extend a lab whose time has run out (before the graph says EXPIRED)', () => {
    const late = Date.parse('2026-03-02T10:30:01Z');
    expect(labActions(lab(), late)).toMatchObject({ connect: false, extend: false, terminate: true });
  });

  it('does not extend a lab that reached its template’s maximum lifetime', () => {
    const atMaximum = lab({ template: { maxLifetimeMinutes: 60 } });
    expect(labActions(atMaximum, NOW).extend).toBe(false);
  });
});

describe('how long an extension asks for', () => {
  it('asks for 30 minutes when the template allows more', () => {
    expect(extensionMinutes(lab())).toBe(30);
  });

  it('asks for what is left of the maximum lifetime when that is less', () => {
    expect(extensionMinutes(lab({ template: { maxLifetimeMinutes: 70 } }))).toBe(10);
  });

  it('asks for nothing at the maximum, and for the default when the limit is unknown', () => {
    expect(extensionMinutes(lab({ template: { maxLifetimeMinutes: 60 } }))).toBe(0);
    expect(extensionMinutes(lab({ template: null }))).toBe(30);
  });
});

describe('the countdown to expiry', () => {
  it('is written as minutes and seconds, with hours when there are any', () => {
    expect(formatRemaining(9_000)).toBe('0:09');
    expect(formatRemaining(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
  });

  it('rounds down to the second and never goes below zero', () => {
    expect(formatRemaining(59_999)).toBe('0:59');
    expect(formatRemaining(-5_000)).toBe('0:00');
  });

  it('announces the milestones it passes, not every second', () => {
    expect(crossedMilestone(30 * 60_000 + 500, 30 * 60_000 - 500)).toBe(30);
    expect(crossedMilestone(29 * 60_000, 29 * 60_000 - 1000)).toBeNull();
    expect(crossedMilestone(5 * 60_000 + 1, 60_000 - 1)).toBe(1);
    expect(crossedMilestone(500, -500)).toBe('expired');
  });

  it('announces nothing on the first tick or when the expiry moved later (an extension)', () => {
    expect(crossedMilestone(null, 60_000)).toBeNull();
    expect(crossedMilestone(60_000, 31 * 60_000)).toBeNull();
  });
});

describe('connection addresses', () => {
  it('accepts http and https addresses only', () => {
    expect(isSafeHttpUrl('https://labs.example/x')).toBe(true);
    expect(isSafeHttpUrl('http://localhost:8080/guacamole')).toBe(true);
    expect(isSafeHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeHttpUrl('data:text/html,hi')).toBe(false);
    expect(isSafeHttpUrl('not a url')).toBe(false);
    expect(isSafeHttpUrl(null)).toBe(false);
  });
});
