import type { RouteRecordRaw } from 'vue-router';

/** 系统管理: staff accounts, roles, identity binding codes and the audit trail. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'system/users',
    name: 'system-users',
    component: () => import('./users/UsersPage.vue'),
    meta: { title: '用户管理', permission: 'user:read', menu: { group: 'system', order: 10 } },
  },
  {
    path: 'system/roles',
    name: 'system-roles',
    component: () => import('./roles/RolesPage.vue'),
    meta: { title: '角色权限', permission: 'role:read', menu: { group: 'system', order: 20 } },
  },
  {
    // Old address of region management (now 网格管理 → 区域管理); kept so bookmarks still work.
    path: 'system/regions',
    name: 'system-regions',
    redirect: { name: 'regions-manage' },
  },
  {
    path: 'system/bindings',
    name: 'system-bindings',
    component: () => import('./bindings/BindingsPage.vue'),
    meta: { title: '身份绑定码', permission: 'binding:issue', menu: { group: 'system', order: 30 } },
  },
  {
    path: 'system/audit',
    name: 'system-audit',
    component: () => import('./audit/AuditPage.vue'),
    meta: { title: '审计日志', permission: 'audit:read', menu: { group: 'system', order: 40 } },
  },
];
