import type { MpCaseDetailVO, MpCaseSubmitBody } from '@zhili/shared';
import { request } from './request';

/**
 * POST /api/mp/cases — 201 with the new case, or 200 with the same case when the idempotency key
 * was seen before (a retried or queued report). Silent: callers decide between showing the error
 * and queueing the report.
 */
export function submitCase(body: MpCaseSubmitBody): Promise<MpCaseDetailVO> {
  return request<MpCaseDetailVO>('/api/mp/cases', { method: 'POST', data: body, silent: true });
}
