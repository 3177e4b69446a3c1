import type { RouteRecordRaw } from 'vue-router';

/** 人口房屋: persons, households, estates and houses, businesses, tags and the Excel import. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'registry/persons',
    name: 'registry-persons',
    component: () => import('./persons/PersonsPage.vue'),
    meta: { title: '人口管理', permission: 'person:read', menu: { group: 'registry', order: 10 } },
  },
  {
    path: 'registry/persons/:id',
    name: 'registry-person-detail',
    component: () => import('./persons/PersonDetailPage.vue'),
    props: true,
    meta: { title: '人员详情', permission: 'person:read' },
  },
  {
    path: 'registry/households',
    name: 'registry-households',
    component: () => import('./households/HouseholdsPage.vue'),
    meta: { title: '户籍管理', permission: 'person:read', menu: { group: 'registry', order: 20 } },
  },
  {
    path: 'registry/households/:id',
    name: 'registry-household-detail',
    component: () => import('./households/HouseholdDetailPage.vue'),
    props: true,
    meta: { title: '户详情', permission: 'person:read' },
  },
  {
    path: 'registry/estates',
    name: 'registry-estates',
    component: () => import('./places/EstatesPage.vue'),
    meta: { title: '小区楼栋', permission: 'person:read', menu: { group: 'registry', order: 30 } },
  },
  {
    path: 'registry/estates/:id',
    name: 'registry-estate-detail',
    component: () => import('./places/BuildingsPage.vue'),
    props: true,
    meta: { title: '楼栋', permission: 'person:read' },
  },
  {
    path: 'registry/houses',
    name: 'registry-houses',
    component: () => import('./places/HousesPage.vue'),
    meta: { title: '房屋管理', permission: 'person:read', menu: { group: 'registry', order: 40 } },
  },
  {
    path: 'registry/houses/:id',
    name: 'registry-house-detail',
    component: () => import('./places/HouseDetailPage.vue'),
    props: true,
    meta: { title: '房屋详情', permission: 'person:read' },
  },
  {
    path: 'registry/businesses',
    name: 'registry-businesses',
    component: () => import('./businesses/BusinessesPage.vue'),
    meta: { title: '经营单位', permission: 'person:read', menu: { group: 'registry', order: 50 } },
  },
  {
    path: 'registry/tags',
    name: 'registry-tags',
    component: () => import('./tags/TagsPage.vue'),
    meta: { title: '标签管理', permission: 'person:read', menu: { group: 'registry', order: 60 } },
  },
  {
    path: 'registry/import',
    name: 'registry-import',
    component: () => import('./import/ImportPage.vue'),
    meta: { title: '数据导入', permission: 'person:manage', menu: { group: 'registry', order: 70 } },
  },
];
