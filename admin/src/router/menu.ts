import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import type { Permission } from '@zhili/shared';
import { menuGroups, type MenuGroupDef } from './menu-groups';
import { routes } from './routes';

/**
 * Side-menu tree, derived from the route table: a named route with `meta.menu` is a leaf, titled
 * and guarded by its own `meta.title` and `meta.permission`, under the group its meta names. A leaf
 * is shown only when its route exists and the user holds its permission (the router guard refuses
 * the route as well), and a group only when it has a visible leaf.
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

interface Ordered<T> {
  order: number;
  entry: T;
}

function byOrder<T>(items: Ordered<T>[]): T[] {
  return [...items].sort((x, y) => x.order - y.order).map((item) => item.entry);
}

function* walk(records: readonly RouteRecordRaw[]): Generator<RouteRecordRaw> {
  for (const record of records) {
    yield record;
    if (record.children) yield* walk(record.children);
  }
}

/** Builds the menu from route records (at any depth) and the group definitions. */
export function menuFromRoutes(records: readonly RouteRecordRaw[], groups: readonly MenuGroupDef[]): MenuEntry[] {
  const top: Ordered<MenuEntry>[] = [];
  const grouped = new Map<string, Ordered<MenuLeaf>[]>();
  for (const record of walk(records)) {
    const menu = record.meta?.menu;
    if (!menu || typeof record.name !== 'string') continue;
    const leaf: MenuLeaf = {
      key: record.name,
      title: record.meta?.title ?? record.name,
      routeName: record.name,
      ...(menu.icon ? { icon: menu.icon } : {}),
      ...(record.meta?.permission ? { permission: record.meta.permission } : {}),
    };
    if (!menu.group) top.push({ order: menu.order, entry: leaf });
    else grouped.set(menu.group, [...(grouped.get(menu.group) ?? []), { order: menu.order, entry: leaf }]);
  }
  for (const group of groups) {
    const children = byOrder(grouped.get(group.key) ?? []);
    if (children.length === 0) continue;
    top.push({ order: group.order, entry: { key: group.key, title: group.title, icon: group.icon, children } });
  }
  return byOrder(top);
}

export const menuTree: MenuEntry[] = menuFromRoutes(routes, menuGroups);

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
