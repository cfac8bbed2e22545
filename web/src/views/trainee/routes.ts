import type { RouteRecordRaw } from 'vue-router';
import './trainee.css';

/**
 * The trainee's pages. Paths marked "linked" appear in links the platform sends (notifications, e-mails): keep them.
 */
export const traineeRoutes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'dashboard',
    component: () => import('./TraineeDashboard.vue'),
    meta: { nav: 'nav.myTraining', title: 'dashboard.title' },
  },
  {
    path: '/catalog',
    name: 'catalog',
    component: () => import('./catalog/CatalogPage.vue'),
    meta: { nav: 'nav.catalog', title: 'catalog.title' },
  },
  {
    // linked
    path: '/courses/:id',
    name: 'course',
    component: () => import('./courses/CoursePage.vue'),
    props: true,
    meta: { title: 'course.title' },
  },
  {
    path: '/courses/:courseId/cubes/:cubeId',
    name: 'cube',
    component: () => import('./cubes/CubePage.vue'),
    props: true,
    meta: { title: 'cube.title' },
  },
  {
    // linked
    path: '/labs/:id',
    name: 'lab',
    component: () => import('./labs/LabPage.vue'),
    props: true,
    meta: { title: 'lab.pageTitle' },
  },
  {
    path: '/certificates',
    name: 'certificates',
    component: () => import('./certificates/CertificatesPage.vue'),
    meta: { nav: 'nav.certificates', title: 'certificates.title' },
  },
  {
    // linked
    path: '/certificates/:id',
    name: 'certificate',
    component: () => import('./certificates/CertificatePage.vue'),
    props: true,
    meta: { title: 'certificates.one' },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./notifications/NotificationsPage.vue'),
    meta: { nav: 'nav.notifications', title: 'notificationsPage.title' },
  },
  {
    // linked
    path: '/settings/notifications',
    name: 'notification-settings',
    component: () => import('./notifications/NotificationPreferencesPage.vue'),
    meta: { title: 'preferences.title' },
  },
];
