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
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/features/dashboard/DashboardPage.vue'),
        meta: { title: '工作台' },
      },
      {
        path: 'account/security',
        name: 'account-security',
        component: () => import('@/features/account/AccountSecurityPage.vue'),
        meta: { title: '账号安全' },
      },
      {
        path: 'system/users',
        name: 'system-users',
        component: () => import('@/features/system/users/UsersPage.vue'),
        meta: { title: '用户管理', permission: 'user:read' },
      },
      {
        path: 'system/roles',
        name: 'system-roles',
        component: () => import('@/features/system/roles/RolesPage.vue'),
        meta: { title: '角色权限', permission: 'role:read' },
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
        component: () => import('@/features/system/bindings/BindingsPage.vue'),
        meta: { title: '身份绑定码', permission: 'binding:issue' },
      },
      {
        path: 'system/audit',
        name: 'system-audit',
        component: () => import('@/features/system/audit/AuditPage.vue'),
        meta: { title: '审计日志', permission: 'audit:read' },
      },
      {
        // Server internals (dependency latency, uptime): the super admin's, not a town official's.
        path: 'system/status',
        name: 'system-status',
        component: () => import('@/features/dashboard/SystemStatusPage.vue'),
        meta: { title: '系统状态', permission: 'system:status' },
      },
      // <routes: regions-map>
      {
        path: 'grid/map',
        name: 'regions-map',
        component: () => import('@/features/regions/map/GridMapPage.vue'),
        meta: { title: '网格地图', permission: 'region:read' },
      },
      {
        path: 'grid/regions',
        name: 'regions-manage',
        component: () => import('@/features/regions/manage/RegionManagePage.vue'),
        meta: { title: '区域管理', permission: 'region:read' },
      },
      {
        path: 'grid/overview',
        name: 'regions-overview',
        component: () => import('@/features/regions/overview/VillageOverviewPage.vue'),
        meta: { title: '村情概览', permission: 'region:read' },
      },
      // <routes: registry>
      // <routes: cases>
      {
        path: 'cases/inbox',
        name: 'cases-inbox',
        component: () => import('@/features/cases/inbox/CaseInboxPage.vue'),
        meta: { title: '工单受理', permission: 'case:read' },
      },
      {
        path: 'cases/map',
        name: 'cases-map',
        component: () => import('@/features/cases/map/CaseMapPage.vue'),
        meta: { title: '工单地图', permission: 'case:read' },
      },
      {
        path: 'cases/stats',
        name: 'cases-stats',
        component: () => import('@/features/cases/stats/CaseStatsPage.vue'),
        meta: { title: '统计分析', permission: 'case:read' },
      },
      {
        path: 'cases/config',
        name: 'cases-config',
        component: () => import('@/features/cases/config/CaseConfigPage.vue'),
        meta: { title: '工单配置', permission: 'case:manage' },
      },
      {
        path: 'cases/:id',
        name: 'case-detail',
        component: () => import('@/features/cases/detail/CaseDetailPage.vue'),
        props: true,
        meta: { title: '工单详情', permission: 'case:read' },
      },
      {
        path: 'registry/persons',
        name: 'registry-persons',
        component: () => import('@/features/registry/persons/PersonsPage.vue'),
        meta: { title: '人口管理', permission: 'person:read' },
      },
      {
        path: 'registry/persons/:id',
        name: 'registry-person-detail',
        component: () => import('@/features/registry/persons/PersonDetailPage.vue'),
        props: true,
        meta: { title: '人员详情', permission: 'person:read' },
      },
      {
        path: 'registry/households',
        name: 'registry-households',
        component: () => import('@/features/registry/households/HouseholdsPage.vue'),
        meta: { title: '户籍管理', permission: 'person:read' },
      },
      {
        path: 'registry/households/:id',
        name: 'registry-household-detail',
        component: () => import('@/features/registry/households/HouseholdDetailPage.vue'),
        props: true,
        meta: { title: '户详情', permission: 'person:read' },
      },
      {
        path: 'registry/estates',
        name: 'registry-estates',
        component: () => import('@/features/registry/places/EstatesPage.vue'),
        meta: { title: '小区楼栋', permission: 'person:read' },
      },
      {
        path: 'registry/estates/:id',
        name: 'registry-estate-detail',
        component: () => import('@/features/registry/places/BuildingsPage.vue'),
        props: true,
        meta: { title: '楼栋', permission: 'person:read' },
      },
      {
        path: 'registry/houses',
        name: 'registry-houses',
        component: () => import('@/features/registry/places/HousesPage.vue'),
        meta: { title: '房屋管理', permission: 'person:read' },
      },
      {
        path: 'registry/houses/:id',
        name: 'registry-house-detail',
        component: () => import('@/features/registry/places/HouseDetailPage.vue'),
        props: true,
        meta: { title: '房屋详情', permission: 'person:read' },
      },
      {
        path: 'registry/businesses',
        name: 'registry-businesses',
        component: () => import('@/features/registry/businesses/BusinessesPage.vue'),
        meta: { title: '经营单位', permission: 'person:read' },
      },
      {
        path: 'registry/tags',
        name: 'registry-tags',
        component: () => import('@/features/registry/tags/TagsPage.vue'),
        meta: { title: '标签管理', permission: 'person:read' },
      },
      {
        path: 'registry/import',
        name: 'registry-import',
        component: () => import('@/features/registry/import/ImportPage.vue'),
        meta: { title: '数据导入', permission: 'person:manage' },
      },
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
