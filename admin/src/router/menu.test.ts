import { describe, expect, it } from 'vitest';
import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '@zhili/shared';
import { Odometer, Setting } from '@element-plus/icons-vue';
import { isMenuGroup, menuFromRoutes, menuTree, visibleMenu, type MenuEntry } from './menu';

/** Keys, titles and permissions only: what a reader of the menu sees and what hides an entry. */
function outline(entries: readonly MenuEntry[]): unknown[] {
  return entries.map((entry) =>
    isMenuGroup(entry)
      ? { group: entry.key, title: entry.title, children: outline(entry.children) }
      : [entry.key, entry.title, entry.permission ?? null],
  );
}

describe('menu derived from the route table', () => {
  it('lists the pages in the order, titles and permissions the portal has always shown', () => {
    expect(outline(menuTree)).toEqual([
      ['dashboard', '工作台', null],
      {
        group: 'grid',
        title: '网格管理',
        children: [
          ['regions-map', '网格地图', 'region:read'],
          ['regions-manage', '区域管理', 'region:read'],
          ['regions-overview', '村情概览', 'region:read'],
        ],
      },
      {
        group: 'cases',
        title: '接诉即办',
        children: [
          ['cases-inbox', '工单受理', 'case:read'],
          ['cases-map', '工单地图', 'case:read'],
          ['cases-stats', '统计分析', 'case:read'],
          ['cases-config', '工单配置', 'case:manage'],
        ],
      },
      {
        group: 'registry',
        title: '人口房屋',
        children: [
          ['registry-persons', '人口管理', 'person:read'],
          ['registry-households', '户籍管理', 'person:read'],
          ['registry-estates', '小区楼栋', 'person:read'],
          ['registry-houses', '房屋管理', 'person:read'],
          ['registry-businesses', '经营单位', 'person:read'],
          ['registry-tags', '标签管理', 'person:read'],
          ['registry-import', '数据导入', 'person:manage'],
        ],
      },
      {
        group: 'party',
        title: '党建',
        children: [
          ['party-orgs', '党组织', 'party:org:read'],
          ['party-members', '党员档案', 'party:member:read'],
          ['party-admissions', '发展党员', 'party:admission:manage'],
          ['party-meetings', '组织生活', 'party:member:read'],
          ['party-notices', '党务公开', 'party:member:read'],
          ['party-honours', '荣誉管理', 'party:member:read'],
        ],
      },
      {
        group: 'party-archive',
        title: '党建档案',
        children: [
          ['party-plans', '计划总结', 'party:member:read'],
          ['party-pledges', '党员承诺', 'party:member:read'],
          ['party-appraisals', '民主评议', 'party:member:read'],
          ['party-archive-import', '党员导入', 'party:member:manage'],
          ['party-archive-report', '年度报表', 'party:member:read'],
          ['party-documents', '文件资料柜', 'party:org:read'],
          ['party-contacts', '电子通讯录', 'party:member:read'],
        ],
      },
      {
        group: 'school',
        title: '网上党校',
        children: [
          ['study-courses', '课程管理', 'study:manage'],
          ['study-columns', '栏目管理', 'study:manage'],
          ['study-enrolments', '选课审核', 'study:manage'],
          ['exam-questions', '题库', 'exam:manage'],
          ['exam-import', '题目导入', 'exam:manage'],
          ['exam-exams', '考试', 'exam:manage'],
          ['study-progress', '学习进度', 'study:manage'],
          ['study-laggards', '落后提醒', 'study:manage'],
          ['study-ranking', '积分排行', 'study:manage'],
          ['study-points-rules', '积分规则', 'study:manage'],
          ['study-reports', '学习报表', 'study:manage'],
          ['surveys', '问卷与议事协商', 'survey:manage'],
          ['appraisals', '民主测评', 'survey:manage'],
        ],
      },
      {
        group: 'dues',
        title: '党费管理',
        children: [
          ['dues-bills', '党费账单', 'dues:manage'],
          ['dues-declarations', '党费基数', 'dues:manage'],
          ['dues-arrears', '欠缴名单', 'dues:manage'],
          ['dues-reports', '党费报表', 'dues:manage'],
          ['dues-spending', '党费支出', 'dues:manage'],
          ['dues-payments', '支付与对账', 'dues:manage'],
        ],
      },
      {
        group: 'system',
        title: '系统管理',
        children: [
          ['system-users', '用户管理', 'user:read'],
          ['system-roles', '角色权限', 'role:read'],
          ['system-bindings', '身份绑定码', 'binding:issue'],
          ['system-audit', '审计日志', 'audit:read'],
          ['system-status', '系统状态', 'system:status'],
        ],
      },
    ]);
  });

  it('keeps the dashboard icon on the leaf and the group icons on the groups', () => {
    expect(menuTree[0]).toMatchObject({ key: 'dashboard', icon: Odometer });
    expect(menuTree.at(-1)).toMatchObject({ key: 'system', icon: Setting });
  });

  it('sorts by meta order, not by declaration order, and drops groups without pages', () => {
    const page = { template: '<div />' };
    const records: RouteRecordRaw[] = [
      { path: '/b', name: 'b', component: page, meta: { title: 'B', menu: { group: 'system', order: 2 } } },
      { path: '/a', name: 'a', component: page, meta: { title: 'A', menu: { group: 'system', order: 1 } } },
      { path: '/hidden', name: 'hidden', component: page, meta: { title: 'H' } },
      {
        path: '/top',
        children: [{ path: 'x', name: 'x', component: page, meta: { title: 'X', menu: { order: 99 } } }],
      },
    ];
    const groups = [
      { key: 'system', title: '系统', icon: Setting, order: 50 },
      { key: 'empty', title: '空', icon: Setting, order: 1 },
    ];
    expect(outline(menuFromRoutes(records, groups))).toEqual([
      {
        group: 'system',
        title: '系统',
        children: [
          ['a', 'A', null],
          ['b', 'B', null],
        ],
      },
      ['x', 'X', null],
    ]);
  });
});

describe('visibleMenu', () => {
  const allRoutes = (): boolean => true;

  it('hides leaves whose permission the user lacks, and groups left empty', () => {
    const permissions = new Set<Permission>(['case:read']);
    expect(outline(visibleMenu(menuTree, allRoutes, permissions))).toEqual([
      ['dashboard', '工作台', null],
      {
        group: 'cases',
        title: '接诉即办',
        children: [
          ['cases-inbox', '工单受理', 'case:read'],
          ['cases-map', '工单地图', 'case:read'],
          ['cases-stats', '统计分析', 'case:read'],
        ],
      },
    ]);
  });

  it('hides leaves whose route is not registered', () => {
    const visible = visibleMenu(menuTree, (name) => name !== 'dashboard', new Set<Permission>());
    expect(visible).toEqual([]);
  });
});
