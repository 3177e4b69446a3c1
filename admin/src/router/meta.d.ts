import 'vue-router';
import type { Component } from 'vue';
import type { Permission } from '@zhili/shared';
import type { MenuGroupKey } from './menu-groups';

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title (Chinese), also used for document.title, breadcrumbs and the menu entry. */
    title?: string;
    /** Reachable without signing in. */
    public?: boolean;
    /** When set, only users holding this permission may open the page (else → 无权访问); hides its menu entry too. */
    permission?: Permission;
    /** Present when the page has a side-menu entry (see `router/menu.ts`). */
    menu?: RouteMenuMeta;
  }
}

export interface RouteMenuMeta {
  /** The group it is listed under; a top-level entry when absent. */
  group?: MenuGroupKey;
  /** Place within its group (or among the top-level entries), ascending. */
  order: number;
  icon?: Component;
}

export {};
