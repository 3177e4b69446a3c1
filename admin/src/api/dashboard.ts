import type { DashboardVO } from '@zhili/shared';
import { http, type RequestOptions } from './http';

export type { DashboardVO } from '@zhili/shared';

export const dashboardApi = {
  /** The landing page's numbers in the caller's scope (parts the caller may not read are null). */
  get: (opts: Pick<RequestOptions, 'signal' | 'silent'> = {}) => http.get<DashboardVO>('/api/admin/dashboard', opts),
};
