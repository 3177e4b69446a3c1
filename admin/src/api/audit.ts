import { http } from './http';

export type AuditResult = 'success' | 'failure' | 'denied';

/** One hash-chained audit record (field names follow the BFF's `audit_log` table). */
export interface AuditRecord {
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  actorKind?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  /** Staff display name or mini-program nickname, resolved by the BFF when the log is read. */
  actorDisplayName?: string | null;
  /** Comma-separated in the table; a BFF may also answer an array. */
  actorRoles?: string | string[] | null;
  ip?: string | null;
  userAgent?: string | null;
  action: string;
  /** Chinese label from the shared action table (an unknown old code comes back as is). */
  actionLabel?: string;
  resourceType?: string | null;
  resourceId?: string | null;
  result: AuditResult;
  /** JSON text in the table; a BFF may also answer it parsed. */
  detail?: string | Record<string, unknown> | null;
  prevHash?: string;
  hash?: string;
}

/** A type alias (not an interface) so it fits the client's query record. */
export type AuditQuery = {
  page: number;
  pageSize: number;
  actor?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  result?: AuditResult | '';
  /** ISO 8601. */
  from?: string;
  to?: string;
};

export interface AuditVerifyResult {
  records: number;
  /** `content`: the record was altered; `link`: its prevHash does not match the previous record. */
  broken: null | { seq: number; reason: 'content' | 'link' | (string & Record<never, never>) };
}

export const auditApi = {
  list: (query: AuditQuery) =>
    http.list<AuditRecord>('/api/admin/audit', { query }),
  /** Walks the whole chain: can take a while on a large log. */
  verify: () => http.get<AuditVerifyResult>('/api/admin/audit/verify', { silent: true, timeoutMs: 120_000 }),
};
