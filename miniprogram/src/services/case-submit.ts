import { routes } from '@zhili/shared/client';
import type { MpCaseSubmitBody } from '@zhili/shared/client';
import { api } from './contract-client';

/**
 * POST /api/mp/cases — 201 with the new case, or 200 with the same case when the idempotency key
 * was seen before (a retried or queued report). Silent: callers decide between showing the error
 * and queueing the report.
 */
export function submitCase(body: MpCaseSubmitBody) {
  return api(routes.mpCases.submit, { body }, { silent: true });
}
