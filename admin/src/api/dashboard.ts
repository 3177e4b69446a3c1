import { dashboardRoutes } from '@zhili/shared';
import { api, type ApiOptions } from './contract-client';

export type { DashboardVO } from '@zhili/shared';

export const dashboardApi = {
  /** The landing page's numbers in the caller's scope (parts the caller may not read are null). */
  get: (opts: Pick<ApiOptions, 'signal' | 'silent'> = {}) => api(dashboardRoutes.get, {}, opts),
};
