import type { RouteRecordRaw } from 'vue-router';

/** The signed-in user's own settings (opened from the header, not the side menu). */
export const routes: RouteRecordRaw[] = [
  {
    path: 'account/security',
    name: 'account-security',
    component: () => import('./AccountSecurityPage.vue'),
    meta: { title: '账号安全' },
  },
];
