import type { Component } from 'vue';
import type { Permission } from '@zhili/shared';
import { House, MapLocation, Odometer, Setting, Tickets } from '@element-plus/icons-vue';

/**
 * Side-menu tree. Leaves point at route names; a leaf is shown only when its route exists and the
 * user holds its permission (the router guard refuses the route as well), and a group only when it
 * has a visible leaf. Later features (综合治理, 网格管理, 党建, 预警) add a group here with their routes.
 */
export interface MenuLeaf {
  key: string;
  title: string;
  icon?: Component;
  routeName: string;
  permission?: Permission;
}

export interface MenuGroup {
  key: string;
  title: string;
  icon?: Component;
  children: MenuLeaf[];
}

export type MenuEntry = MenuLeaf | MenuGroup;

export function isMenuGroup(entry: MenuEntry): entry is MenuGroup {
  return 'children' in entry;
}

export const menuTree: MenuEntry[] = [
  { key: 'dashboard', title: '工作台', icon: Odometer, routeName: 'dashboard' },
  // { key: 'governance', title: '综合治理', icon: ..., children: [...] },
  // <menu: regions-map>
  {
    key: 'grid',
    title: '网格管理',
    icon: MapLocation,
    children: [
      { key: 'regions-map', title: '网格地图', routeName: 'regions-map', permission: 'region:read' },
      { key: 'regions-manage', title: '区域管理', routeName: 'regions-manage', permission: 'region:read' },
      { key: 'regions-overview', title: '村情概览', routeName: 'regions-overview', permission: 'region:read' },
    ],
  },
  // <menu: registry>
  // <menu: cases>
  {
    key: 'cases',
    title: '接诉即办',
    icon: Tickets,
    children: [
      { key: 'cases-inbox', title: '工单受理', routeName: 'cases-inbox', permission: 'case:read' },
      { key: 'cases-map', title: '工单地图', routeName: 'cases-map', permission: 'case:read' },
      { key: 'cases-stats', title: '统计分析', routeName: 'cases-stats', permission: 'case:read' },
      { key: 'cases-config', title: '工单配置', routeName: 'cases-config', permission: 'case:manage' },
    ],
  },
  {
    key: 'registry',
    title: '人口房屋',
    icon: House,
    children: [
      { key: 'registry-persons', title: '人口管理', routeName: 'registry-persons', permission: 'person:read' },
      { key: 'registry-households', title: '户籍管理', routeName: 'registry-households', permission: 'person:read' },
      { key: 'registry-estates', title: '小区楼栋', routeName: 'registry-estates', permission: 'person:read' },
      { key: 'registry-houses', title: '房屋管理', routeName: 'registry-houses', permission: 'person:read' },
      { key: 'registry-businesses', title: '经营单位', routeName: 'registry-businesses', permission: 'person:read' },
      { key: 'registry-tags', title: '标签管理', routeName: 'registry-tags', permission: 'person:read' },
      { key: 'registry-import', title: '数据导入', routeName: 'registry-import', permission: 'person:manage' },
    ],
  },
  // { key: 'party', title: '党建', icon: ..., children: [...] },
  // { key: 'alerts', title: '预警', icon: ..., children: [...] },
  {
    key: 'system',
    title: '系统管理',
    icon: Setting,
    children: [
      { key: 'system-users', title: '用户管理', routeName: 'system-users', permission: 'user:read' },
      { key: 'system-roles', title: '角色权限', routeName: 'system-roles', permission: 'role:read' },
      { key: 'system-bindings', title: '身份绑定码', routeName: 'system-bindings', permission: 'binding:issue' },
      { key: 'system-audit', title: '审计日志', routeName: 'system-audit', permission: 'audit:read' },
      { key: 'system-status', title: '系统状态', routeName: 'system-status', permission: 'system:status' },
    ],
  },
];

function leafVisible(
  leaf: MenuLeaf,
  hasRoute: (name: string) => boolean,
  permissions: ReadonlySet<Permission>,
): boolean {
  if (!hasRoute(leaf.routeName)) return false;
  return !leaf.permission || permissions.has(leaf.permission);
}

/** The part of the tree the current user can actually open. */
export function visibleMenu(
  tree: readonly MenuEntry[],
  hasRoute: (name: string) => boolean,
  permissions: ReadonlySet<Permission>,
): MenuEntry[] {
  const result: MenuEntry[] = [];
  for (const entry of tree) {
    if (isMenuGroup(entry)) {
      const children = entry.children.filter((leaf) => leafVisible(leaf, hasRoute, permissions));
      if (children.length > 0) result.push({ ...entry, children });
    } else if (leafVisible(entry, hasRoute, permissions)) {
      result.push(entry);
    }
  }
  return result;
}
