import type { HealthReport } from '@zhili/shared';
import { http, type RequestOptions } from './http';

export type { DependencyCheck, HealthReport, HealthStatus } from '@zhili/shared';

export const systemApi = {
  /** A degraded BFF answers 503 with the same `{ data }` body: that is a result, not an error. */
  health: (opts: Pick<RequestOptions, 'signal' | 'silent'> = {}) =>
    http.get<HealthReport>('/api/health', { ...opts, auth: false, dataOnStatus: [503] }),
};
