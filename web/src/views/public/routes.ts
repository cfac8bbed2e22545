import type { RouteRecordRaw } from 'vue-router';

/** Pages anyone may open without signing in. */
export const publicRoutes: RouteRecordRaw[] = [];
