import type { RouteRecordRaw } from 'vue-router';

/** 网格管理: the grid map, region management and the village overview. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'grid/map',
    name: 'regions-map',
    component: () => import('./map/GridMapPage.vue'),
    meta: { title: '网格地图', permission: 'region:read', menu: { group: 'grid', order: 10 } },
  },
  {
    path: 'grid/regions',
    name: 'regions-manage',
    component: () => import('./manage/RegionManagePage.vue'),
    meta: { title: '区域管理', permission: 'region:read', menu: { group: 'grid', order: 20 } },
  },
  {
    path: 'grid/overview',
    name: 'regions-overview',
    component: () => import('./overview/VillageOverviewPage.vue'),
    meta: { title: '村情概览', permission: 'region:read', menu: { group: 'grid', order: 30 } },
  },
];
