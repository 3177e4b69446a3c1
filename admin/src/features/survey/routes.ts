import type { RouteRecordRaw } from 'vue-router';

/** 网上党校 · 问卷、议事协商与民主评议 (issue #15). */
export const routes: RouteRecordRaw[] = [
  {
    path: 'surveys',
    name: 'surveys',
    component: () => import('./SurveysPage.vue'),
    meta: { title: '问卷与议事协商', permission: 'survey:manage', menu: { group: 'school', order: 60 } },
  },
  {
    path: 'surveys/:id/results',
    name: 'survey-results',
    component: () => import('./SurveyResultsPage.vue'),
    props: true,
    meta: { title: '问卷统计结果', permission: 'survey:manage' },
  },
  {
    path: 'appraisals',
    name: 'appraisals',
    component: () => import('./AppraisalsPage.vue'),
    // 民主测评: the voting; 党建档案 › 民主评议 keeps each member's recorded grade.
    meta: { title: '民主测评', permission: 'survey:manage', menu: { group: 'school', order: 61 } },
  },
  {
    path: 'appraisals/:id',
    name: 'appraisal-detail',
    component: () => import('./AppraisalDetailPage.vue'),
    props: true,
    meta: { title: '民主测评详情', permission: 'survey:manage' },
  },
];
