import type { RouteRecordRaw } from 'vue-router';

/** 党建: the organisation tree, member files and the admission pipeline (issue #14). */
export const routes: RouteRecordRaw[] = [
  {
    path: 'party/orgs',
    name: 'party-orgs',
    component: () => import('./orgs/PartyOrgsPage.vue'),
    meta: { title: '党组织', permission: 'party:org:read', menu: { group: 'party', order: 10 } },
  },
  {
    path: 'party/orgs/:id',
    name: 'party-org-detail',
    component: () => import('./orgs/PartyOrgsPage.vue'),
    props: true,
    meta: { title: '党组织', permission: 'party:org:read' },
  },
  {
    path: 'party/members',
    name: 'party-members',
    component: () => import('./members/MembersPage.vue'),
    meta: { title: '党员档案', permission: 'party:member:read', menu: { group: 'party', order: 20 } },
  },
  {
    path: 'party/members/:id',
    name: 'party-member-detail',
    component: () => import('./members/MemberDetailPage.vue'),
    props: true,
    meta: { title: '党员档案详情', permission: 'party:member:read' },
  },
  {
    path: 'party/admissions',
    name: 'party-admissions',
    component: () => import('./admissions/AdmissionBoardPage.vue'),
    meta: { title: '发展党员', permission: 'party:admission:manage', menu: { group: 'party', order: 30 } },
  },
  {
    path: 'party/admissions/:id',
    name: 'party-admission-detail',
    component: () => import('./admissions/AdmissionDetailPage.vue'),
    props: true,
    meta: { title: '发展党员记录', permission: 'party:admission:manage' },
  },
];
