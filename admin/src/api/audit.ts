import { auditRoutes } from '@zhili/shared';
import type { AuditQuery as AuditQueryOutput, AuditRecordVO, AuditResult, AuditVerifyVO } from '@zhili/shared';
import { api } from './contract-client';

export type { AuditResult };
/** One hash-chained audit record (the shared contract's schema). */
export type AuditRecord = AuditRecordVO;
export type AuditVerifyResult = AuditVerifyVO;
/** The filters the page sends; blank values mean "all". */
export type AuditQuery = Partial<Record<Exclude<keyof AuditQueryOutput, 'page' | 'pageSize' | 'result'>, string>> & {
  page: number;
  pageSize: number;
  result?: AuditResult | '';
};

export const auditApi = {
  list: (query: AuditQuery) => api(auditRoutes.list, { query }),
  /** Walks the whole chain: can take a while on a large log. */
  verify: () => api(auditRoutes.verify, {}, { silent: true, timeoutMs: 120_000 }),
};
