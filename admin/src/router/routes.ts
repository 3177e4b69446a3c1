import type { RouteRecordRaw } from 'vue-router';

/**
 * Route table. Each feature folder exports its pages in `features/<feature>/routes.ts` (children of
 * the admin layout, lazy so each lands in its own chunk, with the menu entry in `meta.menu`); this
 * file only adds the shell: sign-in, the forced password change and the error pages.
 */
const featureModules = import.meta.glob<{ routes: RouteRecordRaw[] }>('../features/*/routes.ts', {
  eager: true,
});

/** Every feature's layout children, in folder order (vue-router ranks paths itself). */
export const featureRoutes: RouteRecordRaw[] = Object.keys(featureModules)
  .sort()
  .flatMap((file) => featureModules[file].routes);

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/LoginPage.vue'),
    meta: { title: '登录', public: true },
  },
  {
    // Forced (first login, reset, expiry) or voluntary password change; outside the layout because
    // the BFF refuses every other staff route until the password is changed.
    path: '/password',
    name: 'password-change',
    component: () => import('@/features/auth/PasswordChangePage.vue'),
    meta: { title: '修改密码' },
  },
  {
    path: '/',
    component: () => import('@/layouts/AdminLayout.vue'),
    children: [
      { path: '', redirect: { name: 'dashboard' } },
      ...featureRoutes,
      {
        path: 'forbidden',
        name: 'forbidden',
        component: () => import('@/features/errors/ForbiddenPage.vue'),
        meta: { title: '无权访问' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/features/errors/NotFoundPage.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
];
