import type { RouteRecordRaw } from 'vue-router';

/** The manager's pages (team progress, assignments, members, analytics, audit log, webhooks). */
export const managerRoutes: RouteRecordRaw[] = [];
