import 'vue-router';
import type { Permission } from '@zhili/shared';

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title (Chinese), also used for document.title and breadcrumbs. */
    title?: string;
    /** Reachable without signing in. */
    public?: boolean;
    /** When set, only users holding this permission may open the page (else → 无权访问). */
    permission?: Permission;
  }
}

export {};
