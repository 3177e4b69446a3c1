import { Permission } from '../../domain/permissions';
import { defineRoute } from '../define';
import { pageQuery, qText } from '../fields';
import { z } from '../zod';

const TAG = '管理端 · 审计日志';
const results = ['success', 'failure', 'denied'] as const;
export type AuditResult = (typeof results)[number];

/** One hash-chained audit record (field names follow the BFF's `audit_log` table). */
export const auditRecordSchema = z.object({
  /** Position in the chain. */
  seq: z.number().int(),
  /** ISO 8601 UTC. */
  at: z.string(),
  /** `staff` or `mp`; null for anonymous requests. */
  actorKind: z.string().nullable(),
  actorId: z.string().nullable(),
  /** The username recorded (staff accounts). */
  actorName: z.string().nullable(),
  /** Staff display name or mini-program nickname, resolved when the log is read. */
  actorDisplayName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  /** Chinese label from the shared action table (an unknown old code comes back as is). */
  actionLabel: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  result: z.enum(results),
  /** Change summary without secrets, personal data masked; raw text when it is not JSON. */
  detail: z.union([z.record(z.string(), z.unknown()), z.string()]).nullable(),
  prevHash: z.string(),
  /** SM3(prevHash + record content). */
  hash: z.string(),
});
export type AuditRecordVO = z.infer<typeof auditRecordSchema>;

export const auditVerifySchema = z.object({
  /** Number of records walked. */
  records: z.number().int(),
  /** null = the chain is intact; else the first altered (`content`) or unlinked (`link`) record. */
  broken: z.object({ seq: z.number().int(), reason: z.enum(['content', 'link']) }).nullable(),
});
export type AuditVerifyVO = z.infer<typeof auditVerifySchema>;

const ISO_MESSAGE = '时间格式应为 ISO 8601';
/** A point in time, optional; blank = absent. Date-only and offset forms are both accepted, as before. */
const qInstant = () =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.union([z.iso.datetime({ offset: true, local: true }), z.iso.date()], { error: ISO_MESSAGE }).optional(),
  );

export const auditQuerySchema = z.object({
  ...pageQuery(20, 200),
  /** Actor id (exact), or username, name, mini-program nickname (prefix). */
  actor: qText(64),
  /** Action (exact); a trailing `.` matches a prefix, e.g. `user.`. */
  action: qText(64),
  resourceType: qText(32),
  resourceId: qText(64),
  result: z.preprocess((v) => (v === '' ? undefined : v), z.enum(results).optional()),
  /** From (inclusive), ISO 8601. */
  from: qInstant(),
  /** To (inclusive), ISO 8601. */
  to: qInstant(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/admin/audit',
    summary: '审计日志（新记录在前；可按操作人、操作、资源、结果、时间筛选）',
    tag: TAG,
    audience: 'staff',
    permission: Permission.AuditRead,
    query: auditQuerySchema,
    response: auditRecordSchema,
    list: true,
  }),
  verify: defineRoute({
    method: 'GET',
    path: '/api/admin/audit/verify',
    summary: '校验审计日志哈希链是否完整',
    tag: TAG,
    audience: 'staff',
    permission: Permission.AuditRead,
    response: auditVerifySchema,
  }),
};
