import { healthRoutes } from '@zhili/shared';
import { api, type ApiOptions } from './contract-client';

export type { DependencyCheck, HealthReport, HealthStatus } from '@zhili/shared';

export const systemApi = {
  /** A degraded BFF answers 503 with the same `{ data }` body: that is a result, not an error. */
  health: (opts: Pick<ApiOptions, 'signal' | 'silent'> = {}) =>
    api(healthRoutes.get, {}, { ...opts, auth: false, dataOnStatus: [503] }),
};
