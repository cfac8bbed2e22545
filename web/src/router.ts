import { createRouter, createWebHistory, type RouteRecordRaw, type Router } from 'vue-router';
import type { Session } from '@/auth/session';
import { CALLBACK_PATH } from '@/auth/session';
import { traineeRoutes } from '@/views/trainee/routes';
import { managerRoutes } from '@/views/manager/routes';
import { publicRoutes } from '@/views/public/routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in (the certificate verification page). */
    public?: boolean;
    /** Shown in the main navigation under this message key. */
    nav?: string;
    /** Shown in the navigation only to managers and root (the subgraphs refuse the others anyway). */
    managerOnly?: boolean;
    /** The page title's message key. */
    title?: string;
  }
}

export function createConsoleRouter(session: Session): Router {
  const routes: RouteRecordRaw[] = [
    {
      path: CALLBACK_PATH,
      name: 'callback',
      component: () => import('@/views/SignInCallback.vue'),
      meta: { public: true },
    },
    ...traineeRoutes,
    ...managerRoutes,
    ...publicRoutes,
    { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFound.vue'), meta: { public: true } },
  ];
  const router = createRouter({
    history: createWebHistory(),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  // Every page but the public ones needs a session: without one, Keycloak's sign-in page (which returns at once
  // when Keycloak still has a single sign-on session, e.g. after a reload).
  router.beforeEach(async (to) => {
    if (to.meta.public || session.user.value) return true;
    await session.signIn(to.fullPath);
    return false;
  });
  return router;
}
