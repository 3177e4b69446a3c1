import type { RouteRecordRaw } from 'vue-router';
import { Odometer } from '@element-plus/icons-vue';

/** 工作台 (the landing page) and the server's 系统状态, both children of the admin layout. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('./DashboardPage.vue'),
    meta: { title: '工作台', menu: { order: 10, icon: Odometer } },
  },
  {
    // Server internals (dependency latency, uptime): the super admin's, not a town official's.
    path: 'system/status',
    name: 'system-status',
    component: () => import('./SystemStatusPage.vue'),
    meta: { title: '系统状态', permission: 'system:status', menu: { group: 'system', order: 50 } },
  },
];
