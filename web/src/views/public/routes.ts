import type { RouteRecordRaw } from 'vue-router';
import './public.css';

/** Pages anyone may open without signing in. */
export const publicRoutes: RouteRecordRaw[] = [
  {
    // /verify and /verify/<code> (the link a holder shares)
    path: '/verify/:code?',
    name: 'verify-certificate',
    component: () => import('./VerifyCertificatePage.vue'),
    props: true,
    meta: { public: true, title: 'verify.title' },
  },
];
