import type { RouteRecordRaw } from 'vue-router';

/**
 * The manager's pages (team progress, assignments, members, analytics, audit log, webhooks). The navigation shows
 * them to managers only; a trainee who opens one by URL gets the graph's own FORBIDDEN on the page — the subgraphs
 * decide, the console shows what they answer.
 */
export const managerRoutes: RouteRecordRaw[] = [
  {
    path: '/team',
    name: 'team-progress',
    component: () => import('./team/TeamProgressPage.vue'),
    meta: { managerOnly: true, nav: 'nav.team', title: 'manager.team.title' },
  },
  {
    path: '/assign',
    name: 'assign-training',
    component: () => import('./assign/AssignTrainingPage.vue'),
    // reached from Team progress ("Assign training", with the team filter carried over), not from the header
    meta: { managerOnly: true, title: 'manager.assign.title' },
  },
  {
    path: '/members',
    name: 'members',
    component: () => import('./members/MembersPage.vue'),
    meta: { managerOnly: true, nav: 'nav.members', title: 'manager.members.title' },
  },
  {
    path: '/analytics',
    name: 'analytics',
    component: () => import('./analytics/AnalyticsPage.vue'),
    meta: { managerOnly: true, nav: 'nav.analytics', title: 'manager.analytics.title' },
  },
  {
    path: '/audit',
    name: 'audit-log',
    component: () => import('./audit/AuditLogPage.vue'),
    meta: { managerOnly: true, nav: 'nav.audit', title: 'manager.audit.title' },
  },
  {
    path: '/settings/webhooks',
    name: 'webhook-settings',
    component: () => import('./webhooks/WebhookSettingsPage.vue'),
    meta: { managerOnly: true, nav: 'nav.webhooks', title: 'manager.webhooks.title' },
  },
];
