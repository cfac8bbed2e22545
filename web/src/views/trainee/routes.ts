import type { RouteRecordRaw } from 'vue-router';

/** The trainee's pages. */
export const traineeRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'dashboard',
    component: () => import('./TraineeDashboard.vue'),
    meta: { nav: 'nav.myTraining', title: 'dashboard.title' },
  },
];
