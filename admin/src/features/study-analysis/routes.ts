import type { RouteRecordRaw } from 'vue-router';

/** 网上党校 · 进度分析 (issue #15): progress by course and member, laggards, points, reports. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'study/progress',
    name: 'study-progress',
    component: () => import('./ProgressPage.vue'),
    meta: { title: '学习进度', permission: 'study:manage', menu: { group: 'school', order: 40 } },
  },
  {
    path: 'study/progress/:id',
    name: 'study-progress-course',
    component: () => import('./CourseMembersPage.vue'),
    props: true,
    meta: { title: '课程学员进度', permission: 'study:manage' },
  },
  {
    path: 'study/progress/members/:id',
    name: 'study-progress-member',
    component: () => import('./MemberStudyPage.vue'),
    props: true,
    meta: { title: '党员学习情况', permission: 'study:manage' },
  },
  {
    path: 'study/laggards',
    name: 'study-laggards',
    component: () => import('./LaggardsPage.vue'),
    meta: { title: '落后提醒', permission: 'study:manage', menu: { group: 'school', order: 41 } },
  },
  {
    path: 'study/ranking',
    name: 'study-ranking',
    component: () => import('./RankingPage.vue'),
    meta: { title: '积分排行', permission: 'study:manage', menu: { group: 'school', order: 42 } },
  },
  {
    path: 'study/points-rules',
    name: 'study-points-rules',
    component: () => import('./PointsRulesPage.vue'),
    meta: { title: '积分规则', permission: 'study:manage', menu: { group: 'school', order: 43 } },
  },
  {
    path: 'study/reports',
    name: 'study-reports',
    component: () => import('./ReportsPage.vue'),
    meta: { title: '学习报表', permission: 'study:manage', menu: { group: 'school', order: 44 } },
  },
];
