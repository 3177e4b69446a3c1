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
  {
    path: 'party/meetings',
    name: 'party-meetings',
    component: () => import('./meetings/MeetingsPage.vue'),
    meta: { title: '组织生活', permission: 'party:member:read', menu: { group: 'party', order: 40 } },
  },
  {
    path: 'party/meetings/:id',
    name: 'party-meeting-detail',
    component: () => import('./meetings/MeetingDetailPage.vue'),
    props: true,
    meta: { title: '会议详情', permission: 'party:member:read' },
  },
  {
    path: 'party/notices',
    name: 'party-notices',
    component: () => import('./notices/NoticesPage.vue'),
    meta: { title: '党务公开', permission: 'party:member:read', menu: { group: 'party', order: 50 } },
  },
  {
    path: 'party/honours',
    name: 'party-honours',
    component: () => import('./records/HonoursPage.vue'),
    meta: { title: '荣誉管理', permission: 'party:member:read', menu: { group: 'party', order: 60 } },
  },
  {
    path: 'party/plans',
    name: 'party-plans',
    component: () => import('./records/PlansPage.vue'),
    meta: { title: '计划总结', permission: 'party:member:read', menu: { group: 'party-archive', order: 61 } },
  },
  {
    path: 'party/pledges',
    name: 'party-pledges',
    component: () => import('./records/PledgesPage.vue'),
    meta: { title: '党员承诺', permission: 'party:member:read', menu: { group: 'party-archive', order: 62 } },
  },
  {
    path: 'party/appraisals',
    name: 'party-appraisals',
    component: () => import('./records/AppraisalsPage.vue'),
    meta: { title: '民主评议', permission: 'party:member:read', menu: { group: 'party-archive', order: 63 } },
  },
  {
    path: 'party/archive/import',
    name: 'party-archive-import',
    component: () => import('./archive/MemberImportPage.vue'),
    meta: { title: '党员导入', permission: 'party:member:manage', menu: { group: 'party-archive', order: 70 } },
  },
  {
    path: 'party/archive/report',
    name: 'party-archive-report',
    component: () => import('./archive/AnnualReportPage.vue'),
    meta: { title: '年度报表', permission: 'party:member:read', menu: { group: 'party-archive', order: 71 } },
  },
  {
    path: 'party/documents',
    name: 'party-documents',
    component: () => import('./archive/DocumentsPage.vue'),
    meta: { title: '文件资料柜', permission: 'party:org:read', menu: { group: 'party-archive', order: 72 } },
  },
  {
    path: 'party/contacts',
    name: 'party-contacts',
    component: () => import('./archive/ContactsPage.vue'),
    meta: { title: '电子通讯录', permission: 'party:member:read', menu: { group: 'party-archive', order: 73 } },
  },
];
