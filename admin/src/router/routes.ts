import type { RouteRecordRaw } from 'vue-router';

/**
 * Route table. Feature pages are lazy so each lands in its own chunk. New features add their
 * routes as children of the layout and a matching entry in `menu.ts`.
 */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/LoginPage.vue'),
    meta: { title: '登录', public: true },
  },
  {
    path: '/',
    component: () => import('@/layouts/AdminLayout.vue'),
    children: [
      { path: '', redirect: { name: 'dashboard' } },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/features/dashboard/DashboardPage.vue'),
        meta: { title: '仪表盘' },
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
