import type { AuditRecord, AuditResult } from '@/api/audit';
import {
  allAuditActions,
  auditActionGroup,
  auditActionGroups,
  auditActionLabel,
  auditActionLabels,
  roleLabels,
} from '@zhili/shared';

export interface AuditFilterValues {
  actor: string;
  action: string;
  resourceType: string;
  resourceId: string;
  result: AuditResult | '';
  range: [Date, Date] | null;
}

export const resultMeta: Record<AuditResult, { label: string; type: 'success' | 'danger' | 'warning' }> = {
  success: { label: '成功', type: 'success' },
  failure: { label: '失败', type: 'danger' },
  denied: { label: '拒绝', type: 'warning' },
};

/** The action's Chinese label: the BFF's, else the shared table's; '' when the code is unknown. */
export function actionLabel(record: Pick<AuditRecord, 'action' | 'actionLabel'>): string {
  const label = record.actionLabel ?? auditActionLabel(record.action);
  return label === record.action ? '' : label;
}

/** Options of the action picker: one group per area, codes labelled in Chinese. */
export const actionOptionGroups = auditActionGroups.map((group) => ({
  key: group.key,
  label: group.label,
  options: allAuditActions
    .filter((code) => auditActionGroup(code) === group.key)
    .map((code) => ({ value: code, label: auditActionLabels[code] })),
}));

/** Who acted, as a person reads it: name, else username; mini-program users never as a bare UUID. */
export function actorText(record: AuditRecord): string {
  if (record.actorDisplayName) return record.actorDisplayName;
  if (record.actorName) return record.actorName;
  if (!record.actorId) return '匿名';
  return record.actorKind === 'mp' ? '小程序用户' : '未知账号';
}

export function actorRoleLabels(record: AuditRecord): string[] {
  return record.actorRoles
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => (roleLabels as Record<string, string | undefined>)[r] ?? r);
}

/** Pretty JSON of the detail (stored as JSON text; shown raw when it is not JSON). */
export function detailText(record: AuditRecord): string {
  const detail = record.detail;
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail !== 'string') return JSON.stringify(detail, null, 2);
  try {
    return JSON.stringify(JSON.parse(detail) as unknown, null, 2);
  } catch {
    return detail;
  }
}
