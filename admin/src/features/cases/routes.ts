import type { RouteRecordRaw } from 'vue-router';

/** 接诉即办: the inbox, the map, statistics, configuration and one case's page. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'cases/inbox',
    name: 'cases-inbox',
    component: () => import('./inbox/CaseInboxPage.vue'),
    meta: { title: '工单受理', permission: 'case:read', menu: { group: 'cases', order: 10 } },
  },
  {
    path: 'cases/map',
    name: 'cases-map',
    component: () => import('./map/CaseMapPage.vue'),
    meta: { title: '工单地图', permission: 'case:read', menu: { group: 'cases', order: 20 } },
  },
  {
    path: 'cases/stats',
    name: 'cases-stats',
    component: () => import('./stats/CaseStatsPage.vue'),
    meta: { title: '统计分析', permission: 'case:read', menu: { group: 'cases', order: 30 } },
  },
  {
    path: 'cases/config',
    name: 'cases-config',
    component: () => import('./config/CaseConfigPage.vue'),
    meta: { title: '工单配置', permission: 'case:manage', menu: { group: 'cases', order: 40 } },
  },
  {
    path: 'cases/:id',
    name: 'case-detail',
    component: () => import('./detail/CaseDetailPage.vue'),
    props: true,
    meta: { title: '工单详情', permission: 'case:read' },
  },
];
