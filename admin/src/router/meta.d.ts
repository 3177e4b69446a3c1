import 'vue-router';
import type { Role } from '@zhili/shared';

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title (Chinese), also used for document.title and breadcrumbs. */
    title?: string;
    /** Reachable without signing in. */
    public?: boolean;
    /** When set, only users holding one of these roles may open the page. */
    roles?: readonly Role[];
  }
}

export {};
