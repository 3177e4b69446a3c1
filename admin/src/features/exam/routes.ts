import type { RouteRecordRaw } from 'vue-router';

/** 网上党校 · 考试 (issue #15): the question bank and its import, exams, results and item analysis. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'exam/questions',
    name: 'exam-questions',
    component: () => import('./QuestionsPage.vue'),
    meta: { title: '题库', permission: 'exam:manage', menu: { group: 'school', order: 20 } },
  },
  {
    path: 'exam/import',
    name: 'exam-import',
    component: () => import('./QuestionImportPage.vue'),
    meta: { title: '题目导入', permission: 'exam:manage', menu: { group: 'school', order: 21 } },
  },
  {
    path: 'exam/exams',
    name: 'exam-exams',
    component: () => import('./ExamsPage.vue'),
    meta: { title: '考试', permission: 'exam:manage', menu: { group: 'school', order: 22 } },
  },
  {
    path: 'exam/exams/:id',
    name: 'exam-results',
    component: () => import('./ExamResultsPage.vue'),
    props: true,
    meta: { title: '成绩分析', permission: 'exam:manage' },
  },
];
