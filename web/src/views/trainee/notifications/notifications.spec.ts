import { describe, expect, it } from 'vitest';
import {
  MarkNotificationsReadDocument,
  NotificationPreferencesDocument,
  NotificationsDocument,
  UpdateNotificationPreferencesDocument,
} from '@gql';
import { mountScreen, settle } from '../testSupport';
import NotificationPreferencesPage from './NotificationPreferencesPage.vue';
import NotificationsPage from './NotificationsPage.vue';
import { changedPreferences } from './preferences';

const preference = (kind: string, inApp: boolean, email: boolean) => ({ __typename: 'NotificationPreference', kind, inApp, email });

const preferences = {
  request: { query: NotificationPreferencesDocument },
  result: { data: { notificationPreferences: [preference('TRAINING_ASSIGNED', true, true), preference('LAB_RUNNING', true, false)] } },
};

function notifications(unreadOnly: boolean, read: boolean) {
  return {
    request: { query: NotificationsDocument, variables: { first: 20, unreadOnly } },
    result: {
      data: {
        notifications: {
          __typename: 'NotificationConnection',
          totalCount: read && unreadOnly ? 0 : 1,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges:
            read && unreadOnly
              ? []
              : [
                  {
                    __typename: 'NotificationEdge',
                    node: {
                      __typename: 'Notification',
                      id: 'n-1',
                      kind: 'LAB_RUNNING',
                      title: 'Your lab is running',
                      body: 'Connect to it now.',
                      link: '/labs/lab-1',
                      createdAt: '2026-03-02T10:00:00Z',
                      read,
                    },
                  },
                ],
        },
      },
    },
  };
}

describe('notification settings', () => {
  it('has a labelled checkbox per kind and channel, checked as saved', async () => {
    const { wrapper } = await mountScreen(NotificationPreferencesPage, { mocks: [preferences] });

    const labels = wrapper.findAll('label').map((label) => label.text());
    expect(labels).toEqual(['Training assigned: in the app', 'Training assigned: by e-mail', 'Lab running: in the app', 'Lab running: by e-mail']);
    const boxes = wrapper.findAll<HTMLInputElement>('input[type="checkbox"]').map((box) => box.element.checked);
    expect(boxes).toEqual([true, true, true, false]);
  });

  it('saves only what changed, and says it was saved', async () => {
    const saved = {
      request: { query: UpdateNotificationPreferencesDocument, variables: { input: { preferences: [{ kind: 'LAB_RUNNING', inApp: true, email: true }] } } },
      result: {
        data: {
          updateNotificationPreferences: {
            preferences: [preference('TRAINING_ASSIGNED', true, true), preference('LAB_RUNNING', true, true)],
          },
        },
      },
    };
    const { wrapper } = await mountScreen(NotificationPreferencesPage, { mocks: [preferences, saved] });
    const save = () => wrapper.get('button[type="submit"]');
    expect(save().attributes('disabled')).toBeDefined();

    await wrapper.findAll('input[type="checkbox"]')[3].setValue(true);
    expect(save().attributes('disabled')).toBeUndefined();
    await wrapper.get('form').trigger('submit');
    await settle();

    expect(wrapper.get('[role="status"]').text()).toBe('Your settings were saved.');
    expect(save().attributes('disabled')).toBeDefined();
  });

  it('compares the form with what is saved, kind by kind', () => {
    const saved = [
      { kind: 'DUE_SOON' as const, inApp: true, email: true },
      { kind: 'OVERDUE' as const, inApp: true, email: false },
    ];
    expect(changedPreferences(saved, { DUE_SOON: { inApp: true, email: true }, OVERDUE: { inApp: false, email: false } })).toEqual([
      { kind: 'OVERDUE', inApp: false, email: false },
    ]);
  });
});

describe('the notifications page', () => {
  it('lists notifications with a link to what they are about, and marks one read', async () => {
    const marked = {
      request: { query: MarkNotificationsReadDocument, variables: { input: { ids: ['n-1'] } } },
      result: { data: { markNotificationsRead: { unreadCount: 0 } } },
    };
    const { wrapper } = await mountScreen(NotificationsPage, { mocks: [notifications(false, false), marked] });

    expect(wrapper.get('h2 a').text()).toBe('Your lab is running');
    expect(wrapper.get('h2 a').attributes('href')).toBe('/labs/lab-1');
    expect(wrapper.text()).toContain('Unread');
    const markOne = wrapper.findAll('button').find((button) => button.text() === 'Mark as read: Your lab is running');
    await markOne!.trigger('click');
    await settle();

    expect(wrapper.findAll('button').some((button) => button.text().startsWith('Mark as read:'))).toBe(false);
    expect(wrapper.get('[data-testid="notifications"]').text()).not.toContain('Unread');
  });

  it('filters to unread ones, with an empty state when there are none', async () => {
    const { wrapper } = await mountScreen(NotificationsPage, { mocks: [notifications(false, true), notifications(true, true)] });

    await wrapper.get('input[type="checkbox"]').setValue(true);
    await settle();

    expect(wrapper.get('.empty').text()).toBe('No unread notifications.');
  });
});
