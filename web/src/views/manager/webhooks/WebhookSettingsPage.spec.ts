import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DOMWrapper } from '@vue/test-utils';
import {
  CreateWebhookDocument,
  DeleteWebhookDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookDocument,
  WebhooksDocument,
} from '@gql';
import { mountScreen, settle, type GraphMock, type MountedScreen } from '../testing';
import WebhookSettingsPage from './WebhookSettingsPage.vue';

const SECRET = 'whsec_c2VjcmV0LXNob3duLW9uY2Utb25seQ==';

function webhook(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Webhook',
    id: 'wh-1',
    url: 'https://hr.example.com/cycube',
    description: 'HR system',
    eventTypes: ['course.completed'],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    secretRotatedAt: null,
    ...overrides,
  };
}

function delivery(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'WebhookDelivery',
    id: 'msg_1',
    eventType: 'course.completed',
    eventVersion: 1,
    status: 'FAILED',
    attempts: 8,
    lastAttemptAt: '2026-12-02T10:00:00.000Z',
    nextAttemptAt: null,
    lastResponseStatus: 500,
    lastLatencyMs: 120,
    lastError: 'HTTP_500',
    deliveredAt: null,
    createdAt: '2026-12-01T11:00:00.000Z',
    ...overrides,
  };
}

function list(webhooks: unknown[]) {
  return {
    webhooks: {
      __typename: 'WebhookConnection',
      totalCount: webhooks.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: webhooks.map((node) => ({ __typename: 'WebhookEdge', node })),
    },
    webhookEventTypes: [
      { __typename: 'WebhookEventType', type: 'course.completed', version: 1, description: 'A learner completed a course' },
      { __typename: 'WebhookEventType', type: 'enrollment.assigned', version: 1, description: 'A manager assigned training' },
    ],
  };
}

const withDeliveries = (node: Record<string, unknown>, deliveries: unknown[]) => ({
  ...node,
  deliveries: { __typename: 'WebhookDeliveryConnection', totalCount: deliveries.length, edges: deliveries.map((d) => ({ __typename: 'WebhookDeliveryEdge', node: d })) },
});

let screen: MountedScreen | undefined;
afterEach(() => screen?.wrapper.unmount());

function button(current: MountedScreen, name: string): DOMWrapper<HTMLButtonElement> {
  const found = current.wrapper.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found as DOMWrapper<HTMLButtonElement>;
}

describe('the webhook settings page', () => {
  it('lists the endpoints with their state and recent deliveries', async () => {
    screen = await mountScreen(WebhookSettingsPage, {
      path: '/settings/webhooks',
      mocks: [{ query: WebhooksDocument, data: list([withDeliveries(webhook(), [delivery()])]) }],
    });
    const card = screen.wrapper.find('[data-webhook="wh-1"]');
    expect(card.find('h3').text()).toBe('https://hr.example.com/cycube');
    expect(card.text()).toContain('Enabled');
    expect(card.text()).toContain('Failed');
    expect(card.text()).toContain('HTTP 500');
    expect(button(screen, 'Disable the webhook to hr.example.com').exists()).toBe(true);
  });

  it('shows the signing secret of a new webhook once, with a warning and a copy button, then forgets it', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    let registered = false;
    const mocks: GraphMock[] = [
      { query: WebhooksDocument, data: () => list(registered ? [withDeliveries(webhook(), [])] : []) },
      {
        query: CreateWebhookDocument,
        data: () => {
          registered = true;
          return { createWebhook: { __typename: 'CreateWebhookPayload', webhook: webhook(), secret: SECRET } };
        },
      },
    ];
    screen = await mountScreen(WebhookSettingsPage, { path: '/settings/webhooks', mocks });
    expect(screen.wrapper.text()).toContain('No webhooks yet.');

    await screen.wrapper.find('input[type="url"]').setValue('https://hr.example.com/cycube');
    await screen.wrapper.find('input[type="checkbox"][value="course.completed"]').setValue(true);
    await screen.wrapper.find('form').trigger('submit');
    await settle();

    expect(screen.sentVariables('CreateWebhook')).toEqual([{ input: { url: 'https://hr.example.com/cycube', eventTypes: ['course.completed'] } }]);
    const panel = screen.wrapper.find('[data-testid="webhook-secret"]');
    expect(panel.text()).toContain('It will not be shown again.');
    expect((panel.find('input[readonly]').element as HTMLInputElement).value).toBe(SECRET);
    expect(JSON.stringify(screen.client.cache.extract())).not.toContain(SECRET);

    await button(screen, 'Copy secret').trigger('click');
    await settle();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(panel.text()).toContain('Copied.');

    await button(screen, 'I have stored the secret').trigger('click');
    await settle();
    expect(screen.wrapper.find('[data-testid="webhook-secret"]').exists()).toBe(false);
    expect(screen.wrapper.html()).not.toContain(SECRET);
    expect(screen.wrapper.find('[data-webhook="wh-1"]').exists()).toBe(true);
  });

  it('says what is missing before registering', async () => {
    screen = await mountScreen(WebhookSettingsPage, { path: '/settings/webhooks', mocks: [{ query: WebhooksDocument, data: list([]) }] });
    await screen.wrapper.find('form').trigger('submit');
    await settle();
    expect(screen.wrapper.text()).toContain('Enter the address to send events to.');
    expect(screen.wrapper.text()).toContain('Choose at least one event.');
    expect(screen.sentVariables('CreateWebhook')).toHaveLength(0);
  });

  it('shows why the graph refused an address', async () => {
    screen = await mountScreen(WebhookSettingsPage, {
      path: '/settings/webhooks',
      mocks: [
        { query: WebhooksDocument, data: list([]) },
        { query: CreateWebhookDocument, data: null, errors: [{ message: 'url must be https', extensions: { code: 'BAD_USER_INPUT' } }] },
      ],
    });
    await screen.wrapper.find('input[type="url"]').setValue('http://hr.example.com/cycube');
    await screen.wrapper.find('input[type="checkbox"][value="course.completed"]').setValue(true);
    await screen.wrapper.find('form').trigger('submit');
    await settle();
    expect(screen.wrapper.find('[role="alert"]').text()).toContain('url must be https');
    expect(screen.wrapper.find('[data-testid="webhook-secret"]').exists()).toBe(false);
  });

  it('disables and enables a webhook', async () => {
    screen = await mountScreen(WebhookSettingsPage, {
      path: '/settings/webhooks',
      mocks: [
        { query: WebhooksDocument, data: list([withDeliveries(webhook(), [])]) },
        {
          query: UpdateWebhookDocument,
          data: { updateWebhook: { __typename: 'UpdateWebhookPayload', webhook: webhook({ enabled: false, disabledReason: 'by a manager', disabledAt: '2026-12-07T10:00:00.000Z' }) } },
        },
      ],
    });
    await button(screen, 'Disable the webhook to hr.example.com').trigger('click');
    await settle();
    expect(screen.sentVariables('UpdateWebhook')).toEqual([{ input: { id: 'wh-1', enabled: false } }]);
    expect(screen.wrapper.find('[data-webhook="wh-1"]').text()).toContain('Disabled');
    expect(button(screen, 'Enable the webhook to hr.example.com').exists()).toBe(true);
  });

  it('rotates the secret after asking, and shows the new one once', async () => {
    screen = await mountScreen(WebhookSettingsPage, {
      path: '/settings/webhooks',
      mocks: [
        { query: WebhooksDocument, data: list([withDeliveries(webhook(), [])]) },
        {
          query: RotateWebhookSecretDocument,
          data: {
            rotateWebhookSecret: {
              __typename: 'RotateWebhookSecretPayload',
              webhook: webhook({ secretRotatedAt: '2026-12-07T10:00:00.000Z' }),
              secret: SECRET,
              previousSecretExpiresAt: '2026-12-08T10:00:00.000Z',
            },
          },
        },
      ],
    });
    await button(screen, 'Rotate secret of the webhook to hr.example.com').trigger('click');
    await settle();
    expect(screen.sentVariables('RotateWebhookSecret')).toHaveLength(0);
    const dialog = screen.wrapper.find('dialog[open]');
    expect(dialog.text()).toContain('Rotate the secret of the webhook to hr.example.com?');
    await dialog.findAll('button').find((candidate) => candidate.text() === 'Rotate secret')!.trigger('click');
    await settle();
    expect(screen.sentVariables('RotateWebhookSecret')).toEqual([{ input: { id: 'wh-1' } }]);
    expect((screen.wrapper.find('[data-testid="webhook-secret"] input').element as HTMLInputElement).value).toBe(SECRET);
    expect(screen.wrapper.find('[data-testid="webhook-secret"]').text()).toContain('also signed with the previous secret');
  });

  it('deletes a webhook only after confirmation', async () => {
    let deleted = false;
    screen = await mountScreen(WebhookSettingsPage, {
      path: '/settings/webhooks',
      mocks: [
        { query: WebhooksDocument, data: () => list(deleted ? [] : [withDeliveries(webhook(), [])]) },
        {
          query: DeleteWebhookDocument,
          data: () => {
            deleted = true;
            return { deleteWebhook: { __typename: 'DeleteWebhookPayload', deletedWebhookId: 'wh-1' } };
          },
        },
      ],
    });
    await button(screen, 'Delete the webhook to hr.example.com').trigger('click');
    await settle();
    const dialog = screen.wrapper.find('dialog[open]');
    await dialog.findAll('button').find((candidate) => candidate.text() === 'Cancel')!.trigger('click');
    await settle();
    expect(screen.sentVariables('DeleteWebhook')).toHaveLength(0);

    await button(screen, 'Delete the webhook to hr.example.com').trigger('click');
    await settle();
    await screen.wrapper.find('dialog[open]').findAll('button').find((candidate) => candidate.text() === 'Delete')!.trigger('click');
    await settle();
    expect(screen.sentVariables('DeleteWebhook')).toEqual([{ input: { id: 'wh-1' } }]);
    expect(screen.wrapper.text()).toContain('The webhook to https://hr.example.com/cycube is deleted.');
    expect(screen.wrapper.text()).toContain('No webhooks yet.');
  });

  it('redelivers a delivery and shows the graph’s CONFLICT while the webhook is disabled', async () => {
    screen = await mountScreen(WebhookSettingsPage, {
      path: '/settings/webhooks',
      mocks: [
        { query: WebhooksDocument, data: list([withDeliveries(webhook({ enabled: false }), [delivery()])]) },
        { query: RedeliverWebhookDocument, data: null, errors: [{ message: 'the webhook is disabled', extensions: { code: 'CONFLICT' } }] },
      ],
    });
    await screen.wrapper.findAll('button').find((candidate) => candidate.text() === 'Redeliver')!.trigger('click');
    await settle();
    expect(screen.sentVariables('RedeliverWebhook')).toEqual([{ input: { deliveryId: 'msg_1' } }]);
    expect(screen.wrapper.find('[data-webhook="wh-1"] [role="alert"]').text()).toContain('the webhook is disabled');
  });
});
