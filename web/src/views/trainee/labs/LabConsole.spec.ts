import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExtendLabDocument, LabConsoleDocument, TerminateLabDocument } from '@gql';
import { mountScreen, settle } from '../testSupport';
import LabConsole from './LabConsole.vue';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const LAB = 'lab-1';

function lab(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'LabInstance',
    id: LAB,
    state: 'PROVISIONING',
    active: true,
    revision: 2,
    requestedAt: '2026-03-02T09:59:00Z',
    expiresAt: new Date(NOW + 10 * 60_000 + 500).toISOString(),
    expiryWarningSentAt: null,
    connectionUrl: null,
    failureReason: null,
    template: { __typename: 'LabTemplate', id: 'tmpl-kali-ssh', name: 'Kali Linux attack box', protocol: 'SSH', maxLifetimeMinutes: 240 },
    ...overrides,
  };
}

function console_(overrides: Record<string, unknown> = {}) {
  return {
    request: { query: LabConsoleDocument, variables: { id: LAB } },
    result: {
      data: {
        labInstance: {
          ...lab(overrides),
          cube: {
            __typename: 'Cube',
            id: 'cube-linux-triage-lab',
            title: 'Triage a Compromised Host',
            course: { __typename: 'Course', id: 'course-linux', title: 'Linux Command Line for Defenders' },
          },
        },
      },
    },
  };
}

async function open(overrides: Record<string, unknown> = {}, more: object[] = []) {
  vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
  return mountScreen(LabConsole, { props: { labId: LAB }, mocks: [console_(overrides), ...(more as never[])] });
}

const state = (wrapper: Awaited<ReturnType<typeof open>>['wrapper']) => wrapper.get('[data-testid="lab-state"]').text();
const button = (wrapper: Awaited<ReturnType<typeof open>>['wrapper'], name: string) =>
  wrapper.findAll('button').find((candidate) => candidate.text() === name);

afterEach(() => {
  vi.useRealTimers();
});

describe('the lab console', () => {
  it('says the state in words and offers only what the state allows', async () => {
    const { wrapper } = await open();

    expect(wrapper.get('h2').text()).toBe('Kali Linux attack box');
    expect(state(wrapper)).toBe('Provisioning');
    expect(wrapper.find('a[target="_blank"]').exists()).toBe(false);
    expect(button(wrapper, 'Extend by 30 minutes')?.attributes('disabled')).toBeUndefined();
    expect(button(wrapper, 'End lab')?.attributes('disabled')).toBeUndefined();
  });

  it('follows the lab live, and links to the running machine in a new tab', async () => {
    const { wrapper, subscriptions } = await open();

    subscriptions.simulateResult({ result: { data: { labUpdated: lab({ state: 'RUNNING', revision: 3, connectionUrl: 'https://guac.example/#/client/1' }) } } });
    await settle();

    expect(state(wrapper)).toBe('Running');
    const link = wrapper.get('a[target="_blank"]');
    expect(link.text()).toBe('Open the lab (opens in a new tab)');
    expect(link.attributes('href')).toBe('https://guac.example/#/client/1');
    expect(link.attributes('rel')).toContain('noopener');
  });

  it('ignores a pushed update older than what it shows', async () => {
    const { wrapper, subscriptions } = await open();

    subscriptions.simulateResult({ result: { data: { labUpdated: lab({ state: 'RUNNING', revision: 4, connectionUrl: 'https://guac.example/x' }) } } });
    await settle();
    subscriptions.simulateResult({ result: { data: { labUpdated: lab({ state: 'PROVISIONING', revision: 3 }) } } });
    await settle();

    expect(state(wrapper)).toBe('Running');
  });

  it('counts down to expiry every second and announces only the milestones', async () => {
    const { wrapper } = await open();
    const countdown = () => wrapper.get('[data-testid="lab-countdown"]').text();
    const announced = () => wrapper.get('[data-testid="lab-milestone"]').text();

    expect(countdown()).toBe('10:00');
    expect(announced()).toBe('');

    vi.advanceTimersByTime(1000);
    await settle(1);
    expect(countdown()).toBe('9:59');
    expect(announced()).toBe('10 minutes left in your lab.');

    vi.advanceTimersByTime(1000);
    await settle(1);
    expect(countdown()).toBe('9:58');
    expect(announced()).toBe('10 minutes left in your lab.');
  });

  it('warns when the graph says the lab expires soon', async () => {
    const { wrapper, subscriptions } = await open({ state: 'RUNNING', connectionUrl: 'https://guac.example/x' });
    expect(wrapper.find('[data-testid="lab-expiring"]').exists()).toBe(false);

    subscriptions.simulateResult({
      result: { data: { labUpdated: lab({ state: 'RUNNING', revision: 3, connectionUrl: 'https://guac.example/x', expiryWarningSentAt: '2026-03-02T10:00:00Z' }) } },
    });
    await settle();

    expect(wrapper.get('[data-testid="lab-expiring"]').text()).toBe('Your lab expires soon: extend it to keep working.');
  });

  it('extends the lab and says until when', async () => {
    const extended = lab({ revision: 3, expiresAt: new Date(NOW + 40 * 60_000 + 500).toISOString() });
    const { wrapper } = await open({}, [
      { request: { query: ExtendLabDocument, variables: { input: { id: LAB, minutes: 30 } } }, result: { data: { extendLab: { lab: extended } } } },
    ]);

    await button(wrapper, 'Extend by 30 minutes')!.trigger('click');
    await settle();

    expect(wrapper.get('[data-testid="lab-countdown"]').text()).toBe('40:00');
    expect(wrapper.text()).toContain('Extended: the lab now ends');
  });

  it('ends the lab only after a confirmation', async () => {
    const stopping = lab({ state: 'STOPPING', active: false, revision: 3 });
    const { wrapper } = await open({ state: 'RUNNING', connectionUrl: 'https://guac.example/x' }, [
      { request: { query: TerminateLabDocument, variables: { input: { id: LAB } } }, result: { data: { terminateLab: { lab: stopping } } } },
    ]);

    await button(wrapper, 'End lab')!.trigger('click');
    expect(wrapper.text()).toContain('End this lab now?');
    await button(wrapper, 'Keep it running')!.trigger('click');
    expect(state(wrapper)).toBe('Running');
    expect(wrapper.text()).not.toContain('End this lab now?');

    await button(wrapper, 'End lab')!.trigger('click');
    await button(wrapper, 'Yes, end the lab')!.trigger('click');
    await settle();

    expect(state(wrapper)).toBe('Stopping');
    expect(button(wrapper, 'End lab')).toBeUndefined();
    expect(wrapper.find('[data-testid="lab-countdown"]').exists()).toBe(false);
  });

  it('says why a lab failed, and offers nothing but the way back', async () => {
    const { wrapper } = await open({ state: 'FAILED', active: false, failureReason: 'No capacity in eu-central-1' });

    expect(state(wrapper)).toBe('Failed');
    expect(wrapper.get('[data-testid="lab-failure"]').text()).toBe('Why: No capacity in eu-central-1');
    expect(wrapper.findAll('button')).toHaveLength(0);
  });

  it('tells a lab that is not the trainee’s as not found', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { wrapper } = await mountScreen(LabConsole, {
      props: { labId: LAB },
      mocks: [{ request: { query: LabConsoleDocument, variables: { id: LAB } }, result: { data: { labInstance: null } } }],
    });

    expect(wrapper.get('[role="alert"]').attributes('data-code')).toBe('NOT_FOUND');
  });
});
