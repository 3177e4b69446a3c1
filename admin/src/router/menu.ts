import type { Component } from 'vue';
import type { Role } from '@zhili/shared';
import { Odometer } from '@element-plus/icons-vue';

/**
 * Side-menu tree. Leaves point at route names; a leaf is shown only when its route exists and the
 * user holds one of its roles, and a group only when it has a visible leaf. Later features (综合治理,
 * 网格管理, 党建, 预警, 系统管理) add a group here with their routes; empty groups stay hidden.
 */
export interface MenuLeaf {
  key: string;
  title: string;
  icon?: Component;
  routeName: string;
  roles?: readonly Role[];
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
  { key: 'dashboard', title: '仪表盘', icon: Odometer, routeName: 'dashboard' },
  // { key: 'governance', title: '综合治理', icon: ..., children: [...] },
  // { key: 'grid', title: '网格管理', icon: ..., children: [...] },
  // { key: 'party', title: '党建', icon: ..., children: [...] },
  // { key: 'alerts', title: '预警', icon: ..., children: [...] },
  // { key: 'system', title: '系统管理', icon: ..., children: [...] },
];

function leafVisible(leaf: MenuLeaf, hasRoute: (name: string) => boolean, roles: readonly Role[]): boolean {
  if (!hasRoute(leaf.routeName)) return false;
  return !leaf.roles || leaf.roles.some((role) => roles.includes(role));
}

/** The part of the tree the current user can actually open. */
export function visibleMenu(
  tree: readonly MenuEntry[],
  hasRoute: (name: string) => boolean,
  roles: readonly Role[],
): MenuEntry[] {
  const result: MenuEntry[] = [];
  for (const entry of tree) {
    if (isMenuGroup(entry)) {
      const children = entry.children.filter((leaf) => leafVisible(leaf, hasRoute, roles));
      if (children.length > 0) result.push({ ...entry, children });
    } else if (leafVisible(entry, hasRoute, roles)) {
      result.push(entry);
    }
  }
  return result;
}
