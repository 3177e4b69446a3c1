import type { RouteRecordRaw } from 'vue-router';

/** 网上党校 (issue #15): columns, courses with their lessons, elective requests. */
export const routes: RouteRecordRaw[] = [
  {
    path: 'study/courses',
    name: 'study-courses',
    component: () => import('./CoursesPage.vue'),
    meta: { title: '课程管理', permission: 'study:manage', menu: { group: 'school', order: 10 } },
  },
  {
    path: 'study/courses/:id',
    name: 'study-course-detail',
    component: () => import('./CourseDetailPage.vue'),
    props: true,
    meta: { title: '课程详情', permission: 'study:manage' },
  },
  {
    path: 'study/columns',
    name: 'study-columns',
    component: () => import('./ColumnsPage.vue'),
    meta: { title: '栏目管理', permission: 'study:manage', menu: { group: 'school', order: 11 } },
  },
  {
    path: 'study/enrolments',
    name: 'study-enrolments',
    component: () => import('./EnrolmentsPage.vue'),
    meta: { title: '选课审核', permission: 'study:manage', menu: { group: 'school', order: 12 } },
  },
];
